-- AlterTable
ALTER TABLE "pack_subscriptions" ADD COLUMN     "suspended_reason" TEXT;

-- CreateTable
CREATE TABLE "pack_subscription_transitions" (
    "id" TEXT NOT NULL,
    "pack_subscription_id" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT NOT NULL,
    "change_kind" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pack_subscription_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "pack_subscription_transitions_pack_subscription_id_at_idx" ON "pack_subscription_transitions"("pack_subscription_id", "at");

-- CreateIndex
CREATE INDEX "pack_subscriptions_status_current_period_end_idx" ON "pack_subscriptions"("status", "current_period_end");
