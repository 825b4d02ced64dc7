-- Group enter/leave caused by the passage of time alone (`createdAt<now-4h`): each group keeps the
-- clock its relative instants are settled at, which the time sweep moves forward together with
-- the events of what flipped; the organization's group version counts those moves.
ALTER TABLE "ConversationGroup" ADD COLUMN "sweptThrough" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "ConversationGroup" ADD COLUMN "sweepingTo" TIMESTAMP(3);
ALTER TABLE "ConversationGroup" ADD COLUMN "sweepCursor" TEXT;

ALTER TABLE "EventSequence" ADD COLUMN "groupClockVersion" BIGINT NOT NULL DEFAULT 0;
