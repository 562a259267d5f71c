-- AlterTable
ALTER TABLE "EmailToken" ADD COLUMN     "browserBindingHash" TEXT,
ADD COLUMN     "invitationId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "checklistDismissedAt" TIMESTAMP(3);
