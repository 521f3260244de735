-- AlterTable
ALTER TABLE "registration_requests" ADD COLUMN     "pending_secret" TEXT,
ADD COLUMN     "secret_delivered_at" TIMESTAMPTZ(3),
ADD COLUMN     "status_token_hash" TEXT;
