-- AlterTable
ALTER TABLE "EmailToken" ALTER COLUMN "tokenHash" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Invitation" ALTER COLUMN "tokenHash" DROP NOT NULL;
