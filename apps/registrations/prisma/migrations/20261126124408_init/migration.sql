-- CreateEnum
CREATE TYPE "RequestScope" AS ENUM ('GLOBAL', 'PARTNER', 'TENANT');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "ApplicationType" AS ENUM ('WEB', 'SPA', 'NATIVE', 'SERVICE', 'SAML_SP');

-- CreateEnum
CREATE TYPE "RequestSource" AS ENUM ('ADMIN', 'PUBLIC');

-- CreateTable
CREATE TABLE "registration_requests" (
    "id" TEXT NOT NULL,
    "scope" "RequestScope" NOT NULL,
    "tenant_id" TEXT,
    "partner_id" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "application_type" "ApplicationType" NOT NULL,
    "redirect_uris" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "post_logout_redirect_uris" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "allowed_origins" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "requested_scopes" TEXT[],
    "grant_types" TEXT[],
    "contact_email" TEXT NOT NULL,
    "contact_name" TEXT,
    "organization_name" TEXT,
    "website_url" TEXT,
    "status" "RequestStatus" NOT NULL DEFAULT 'PENDING',
    "source" "RequestSource" NOT NULL DEFAULT 'ADMIN',
    "requested_by" TEXT NOT NULL,
    "reviewed_by" TEXT,
    "reviewed_at" TIMESTAMPTZ(3),
    "review_notes" TEXT,
    "rejection_reason" TEXT,
    "cancelled_by" TEXT,
    "cancelled_at" TIMESTAMPTZ(3),
    "application_id" TEXT,
    "client_id" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "registration_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_events" (
    "id" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "headers" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_events" (
    "consumer" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_events_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateIndex
CREATE INDEX "registration_requests_partner_id_created_at_idx" ON "registration_requests"("partner_id", "created_at");

-- CreateIndex
CREATE INDEX "registration_requests_tenant_id_created_at_idx" ON "registration_requests"("tenant_id", "created_at");

-- CreateIndex
CREATE INDEX "registration_requests_status_expires_at_idx" ON "registration_requests"("status", "expires_at");

-- CreateIndex
CREATE INDEX "registration_requests_created_at_idx" ON "registration_requests"("created_at");

-- CreateIndex
CREATE INDEX "outbox_events_published_at_created_at_idx" ON "outbox_events"("published_at", "created_at");
