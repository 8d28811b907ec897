-- AlterTable
ALTER TABLE "partnership_organisations" ADD COLUMN     "side" TEXT NOT NULL DEFAULT 'partner';
