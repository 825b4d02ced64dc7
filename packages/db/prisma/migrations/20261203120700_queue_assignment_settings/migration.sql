-- Infobip's queue fields (CreateQueue / UpdateQueue / QueueApiModel). A new queue takes the
-- document's defaults (auto-assignment off, and off outside working hours); queues that existed
-- before were auto-assigned at every hour, so they keep that.
-- CreateEnum
CREATE TYPE "AutoAssignmentAlgorithm" AS ENUM ('LOAD_BALANCING', 'ROUND_ROBIN', 'PERFORMANCE_BASED');

-- AlterTable
ALTER TABLE "Queue" ADD COLUMN     "autoAssignmentAlgorithm" "AutoAssignmentAlgorithm",
ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "isAutoAssignmentEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "isAutoAssignmentOutsideOfWorkingHoursEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "isPrivate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "isRestricted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "isStickyAutoAssignmentEnabled" BOOLEAN,
ADD COLUMN     "stickyAgentTimeoutDays" INTEGER,
ADD COLUMN     "workingHoursId" TEXT;

ALTER TABLE "Queue" ALTER COLUMN "isAutoAssignmentEnabled" SET DEFAULT false,
ALTER COLUMN "isAutoAssignmentOutsideOfWorkingHoursEnabled" SET DEFAULT false;

-- CreateIndex
CREATE INDEX "Queue_workingHoursId_idx" ON "Queue"("workingHoursId");

-- AddForeignKey
ALTER TABLE "Queue" ADD CONSTRAINT "Queue_workingHoursId_fkey" FOREIGN KEY ("workingHoursId") REFERENCES "WorkingHours"("id") ON DELETE SET NULL ON UPDATE CASCADE;
