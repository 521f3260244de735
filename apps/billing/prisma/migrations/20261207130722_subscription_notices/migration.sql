-- CreateTable
CREATE TABLE "subscription_notices" (
    "subscription_id" TEXT NOT NULL,
    "notice" TEXT NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subscription_notices_pkey" PRIMARY KEY ("subscription_id","notice")
);
