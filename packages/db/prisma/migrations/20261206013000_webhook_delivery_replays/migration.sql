-- How many times a delivery was replayed. A claim carries the count it read, and an attempt's
-- result is written only while the row still has it: a result that comes back after a replay
-- of its delivery (an attempt in flight, or a success not written yet) belonged to the attempt
-- before the replay, and must not mark the replayed delivery as sent. The attempt count cannot
-- tell them apart, since a replay starts it over.
-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN "replays" INTEGER NOT NULL DEFAULT 0;
