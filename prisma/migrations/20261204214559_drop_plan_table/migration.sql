-- The plan catalogue lives in code (src/server/billing/plans.ts); this table was a copy of it.
-- Workspaces keep their plans: they are in "Subscription"."planSlug", which never referenced it.
-- DropTable
DROP TABLE "Plan";
