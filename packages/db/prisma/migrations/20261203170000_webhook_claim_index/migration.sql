-- A claim reads each subscription's due deliveries in its send order (claim-deliveries.ts) from
-- this index alone and stops after the room it has, instead of ranking every due delivery of
-- every subscription on each claim. Nothing else looked deliveries up by status first.
-- DropIndex
DROP INDEX "WebhookDelivery_status_nextAttemptAt_idx";

-- CreateIndex
CREATE INDEX "WebhookDelivery_claim_idx" ON "WebhookDelivery"("subscriptionId", "status", "nextAttemptAt", "eventSequence");
