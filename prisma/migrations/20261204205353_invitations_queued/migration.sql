-- AlterTable
ALTER TABLE "rounds" ADD COLUMN     "invitations_queued" BOOLEAN NOT NULL DEFAULT false;

-- Rounds that existed before this column had all their invitations queued.
UPDATE "rounds" SET "invitations_queued" = true;
