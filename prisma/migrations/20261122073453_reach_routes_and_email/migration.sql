-- AlterTable
ALTER TABLE "rounds" ADD COLUMN     "reach" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "round_invitees" ADD COLUMN     "channel_id" TEXT,
ADD COLUMN     "email" TEXT,
ADD COLUMN     "locale" TEXT,
ADD COLUMN     "reminded" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "token_hash" TEXT;

-- CreateTable
CREATE TABLE "partnership_contacts" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "partnership_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "locale" TEXT,
    "created_at" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partnership_contacts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "partnership_contacts_workspace_id_idx" ON "partnership_contacts"("workspace_id");

-- CreateIndex
CREATE UNIQUE INDEX "partnership_contacts_partnership_id_email_key" ON "partnership_contacts"("partnership_id", "email");

-- CreateIndex
CREATE UNIQUE INDEX "round_invitees_token_hash_key" ON "round_invitees"("token_hash");
