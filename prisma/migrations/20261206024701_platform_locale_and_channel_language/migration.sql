-- AlterTable
ALTER TABLE "members" ADD COLUMN     "platform_locale" TEXT;

-- CreateTable
CREATE TABLE "channel_settings" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "locale" TEXT NOT NULL,

    CONSTRAINT "channel_settings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "channel_settings_workspace_id_channel_id_key" ON "channel_settings"("workspace_id", "channel_id");
