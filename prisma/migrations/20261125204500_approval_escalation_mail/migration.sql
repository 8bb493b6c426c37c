-- Approval escalation: who may decide, and who it escalated to when.
ALTER TABLE "approval" ADD COLUMN "approvers" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "escalated_to" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "escalated_at" TIMESTAMPTZ(3);

-- Outgoing mail per environment (the password encrypted like connection secrets).
ALTER TABLE "environment" ADD COLUMN "smtp_url" TEXT,
ADD COLUMN "smtp_password_enc" TEXT;
