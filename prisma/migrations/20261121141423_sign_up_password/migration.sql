-- AlterTable
ALTER TABLE "EmailToken" ADD COLUMN     "passwordHash" TEXT;
