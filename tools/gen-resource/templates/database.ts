/**
 * The Prisma model of a generated resource and its migration, as Prisma writes them for the
 * Project-like model (same columns, index and foreign key; see prisma/migrations).
 */
import type { ResourceNames } from "../names";

/** The model block appended to prisma/schema.prisma. */
export const prismaModel = ({ Noun, plural }: ResourceNames) => `
/// A workspace's ${plural}: written by \`npm run gen:resource\` after Project.
model ${Noun} {
  id          String    @id @default(cuid())
  workspaceId String
  name        String
  description String    @default("")
  createdAt   DateTime  @default(now())
  updatedAt   DateTime  @updatedAt
  workspace   Workspace @relation(fields: [workspaceId], references: [id], onDelete: Cascade)

  @@index([workspaceId, createdAt])
}
`;

/** The back relation added to model Workspace. */
export const workspaceRelation = ({ Noun, plural }: ResourceNames) => `${plural} ${Noun}[]`;

/** prisma/migrations/<timestamp>_add_<plural>/migration.sql */
export const migrationSql = ({ Noun }: ResourceNames) => `-- CreateTable
CREATE TABLE "${Noun}" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "${Noun}_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "${Noun}_workspaceId_createdAt_idx" ON "${Noun}"("workspaceId", "createdAt");

-- AddForeignKey
ALTER TABLE "${Noun}" ADD CONSTRAINT "${Noun}_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
`;
