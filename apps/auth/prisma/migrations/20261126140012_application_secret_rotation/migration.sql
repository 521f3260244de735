-- AlterEnum
ALTER TYPE "ApplicationStatus" ADD VALUE 'DISABLED';

-- AlterTable
ALTER TABLE "applications" ADD COLUMN     "previous_secret_expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "previous_secret_hash" TEXT;
