-- AlterTable
ALTER TABLE "rounds" ADD COLUMN     "segment_plan" JSONB;
