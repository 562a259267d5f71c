-- The admin user search's trigram indexes need pg_trgm (a trusted contrib extension: the
-- database owner may create it; PGlite loads it from packages/local-postgres/src/extensions.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Project_workspaceId_updatedAt_id_idx" ON "Project"("workspaceId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Project_workspaceId_name_id_idx" ON "Project"("workspaceId", "name", "id");

-- CreateIndex
CREATE INDEX "User_createdAt_id_idx" ON "User"("createdAt", "id");

-- CreateIndex
CREATE INDEX "User_email_idx" ON "User" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "User_name_idx" ON "User" USING GIN ("name" gin_trgm_ops);
