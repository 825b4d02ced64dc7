-- Infobip routing rules: the JSON expression as sent, the priority a rule gives and whether it
-- only routes during working hours; working-hours calendars with their holidays.
-- AlterTable
ALTER TABLE "Route" ADD COLUMN     "conversationPriority" "Priority",
ADD COLUMN     "expression" JSONB,
ADD COLUMN     "routeOnlyDuringWorkingHours" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "WorkingHours" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "workWeek" JSONB NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "closeConversations" BOOLEAN NOT NULL DEFAULT false,
    "sendAwayMessageEveryOOWHPeriod" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkingHours_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkingHoursHoliday" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "workingHoursId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkingHoursHoliday_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorkingHours_organizationId_createdAt_idx" ON "WorkingHours"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "WorkingHoursHoliday_workingHoursId_startDate_idx" ON "WorkingHoursHoliday"("workingHoursId", "startDate");

-- AddForeignKey
ALTER TABLE "WorkingHours" ADD CONSTRAINT "WorkingHours_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkingHoursHoliday" ADD CONSTRAINT "WorkingHoursHoliday_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkingHoursHoliday" ADD CONSTRAINT "WorkingHoursHoliday_workingHoursId_fkey" FOREIGN KEY ("workingHoursId") REFERENCES "WorkingHours"("id") ON DELETE CASCADE ON UPDATE CASCADE;
