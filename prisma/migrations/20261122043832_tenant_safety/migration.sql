-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "delete_after" TIMESTAMPTZ(3),
ADD COLUMN     "deletion_grace_days" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "deletion_reason" TEXT,
ADD COLUMN     "had_admin" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "partnership_organisations" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "partnership_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,

    CONSTRAINT "partnership_organisations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "partnership_organisations_workspace_id_idx" ON "partnership_organisations"("workspace_id");

-- CreateIndex
CREATE UNIQUE INDEX "partnership_organisations_partnership_id_name_key_key" ON "partnership_organisations"("partnership_id", "name_key");

-- Workspaces that have an admin today have had one.
UPDATE "workspaces" w SET "had_admin" = true WHERE EXISTS (SELECT 1 FROM "members" m WHERE m."workspace_id" = w."id" AND m."role" = 'admin');
