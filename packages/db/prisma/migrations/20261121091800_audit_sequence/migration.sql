-- DropIndex
DROP INDEX "AuditEvent_organizationId_entityType_entityId_createdAt_idx";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "sequence" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_entityType_entityId_sequence_idx" ON "AuditEvent"("organizationId", "entityType", "entityId", "sequence");

