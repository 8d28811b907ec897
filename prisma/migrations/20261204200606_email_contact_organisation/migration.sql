-- AlterTable
ALTER TABLE "partnership_contacts" ADD COLUMN     "organisation" TEXT;

-- AlterTable
ALTER TABLE "round_invitees" ADD COLUMN     "organisation" TEXT;
