-- CreateTable
CREATE TABLE "registered_services" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "base_url" TEXT NOT NULL,
    "health_check_url" TEXT NOT NULL,
    "capabilities" TEXT[],
    "heartbeat_interval_seconds" INTEGER NOT NULL,
    "provisioning" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL,
    "health" TEXT NOT NULL DEFAULT 'unknown',
    "missed_heartbeats" INTEGER NOT NULL DEFAULT 0,
    "last_heartbeat_at" TIMESTAMPTZ(3),
    "reported_status" TEXT,
    "uptime_seconds" BIGINT,
    "client_id" TEXT NOT NULL,
    "claimed_by_client_id" TEXT,
    "known" BOOLEAN NOT NULL,
    "key_hash" TEXT,
    "key_rotated_at" TIMESTAMPTZ(3),
    "approved_at" TIMESTAMPTZ(3),
    "suspended_at" TIMESTAMPTZ(3),
    "suspended_reason" TEXT,
    "deregistered_at" TIMESTAMPTZ(3),
    "deregistered_reason" TEXT,
    "registered_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "registered_services_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "registry_version_changes" (
    "id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "from_version" TEXT,
    "to_version" TEXT NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "registry_version_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "registered_services_slug_key" ON "registered_services"("slug");

-- CreateIndex
CREATE INDEX "registered_services_status_health_idx" ON "registered_services"("status", "health");

-- CreateIndex
CREATE INDEX "registered_services_client_id_idx" ON "registered_services"("client_id");

-- CreateIndex
CREATE INDEX "registry_version_changes_service_id_changed_at_idx" ON "registry_version_changes"("service_id", "changed_at");

-- AddForeignKey
ALTER TABLE "registry_version_changes" ADD CONSTRAINT "registry_version_changes_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "registered_services"("id") ON DELETE CASCADE ON UPDATE CASCADE;
