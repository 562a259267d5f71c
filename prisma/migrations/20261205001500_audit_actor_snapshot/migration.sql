-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "actorName" TEXT,
ADD COLUMN     "via" TEXT;

-- Entries written before this migration: their actors' current names (deleted actors are lost).
UPDATE "AuditLog" AS a SET "actorName" = u."name" FROM "User" AS u WHERE a."actorId" = u."id";
