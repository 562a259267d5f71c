-- CreateEnum
CREATE TYPE "ProjectImportStatus" AS ENUM ('draft', 'pending', 'processing', 'done', 'stopped', 'failed');

-- CreateTable
CREATE TABLE "ProjectImport" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "createdById" TEXT,
    "status" "ProjectImportStatus" NOT NULL DEFAULT 'draft',
    "fileName" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "delimiter" TEXT NOT NULL DEFAULT ',',
    "mapping" JSONB,
    "total" INTEGER,
    "done" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "failedRowsKey" TEXT,
    "jobId" TEXT,
    "attemptAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ProjectImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectImportFailure" (
    "id" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "values" JSONB NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "ProjectImportFailure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProjectImport_workspaceId_createdAt_idx" ON "ProjectImport"("workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectImportFailure_importId_line_key" ON "ProjectImportFailure"("importId", "line");

-- AddForeignKey
ALTER TABLE "ProjectImport" ADD CONSTRAINT "ProjectImport_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectImport" ADD CONSTRAINT "ProjectImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectImportFailure" ADD CONSTRAINT "ProjectImportFailure_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ProjectImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
