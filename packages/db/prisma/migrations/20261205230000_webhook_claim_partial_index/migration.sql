-- Every delivery is written at least twice after it is created (its result; on PostgreSQL also
-- its claim), and each write of a row adds an entry to each of its indexes. The claim index now
-- holds only PENDING deliveries, which is all a claim reads: a delivery that is sent stops
-- costing it an entry (and the index stays as small as the line of due work, not the week of
-- history). The index on (organizationId, subscriptionId, eventSequence) served no query: the
-- deliveries list filters by subscription, which the (subscriptionId, eventId) key serves.
-- DropIndex
DROP INDEX "WebhookDelivery_claim_idx";

-- DropIndex
DROP INDEX "WebhookDelivery_organizationId_subscriptionId_eventSequence_idx";

-- CreateIndex
CREATE INDEX "WebhookDelivery_claim_idx" ON "WebhookDelivery"("subscriptionId", "nextAttemptAt", "eventSequence") WHERE "status" = 'PENDING';
