-- Sharely's widget: the temporal user (visitor) of one space, whose token opens only that space,
-- what the widget reports about a space, and the audit actor type for what a visitor does.
-- AlterEnum
ALTER TYPE "ActorType" ADD VALUE 'VISITOR';

-- CreateTable
CREATE TABLE "SpaceVisitor" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "roleId" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpaceVisitor_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SpaceVisitor_hash_key" ON "SpaceVisitor"("hash");

-- CreateIndex
CREATE INDEX "SpaceVisitor_spaceId_idx" ON "SpaceVisitor"("spaceId");

-- CreateIndex
CREATE INDEX "SpaceVisitor_organizationId_createdAt_idx" ON "SpaceVisitor"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "SpaceVisitor" ADD CONSTRAINT "SpaceVisitor_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpaceVisitor" ADD CONSTRAINT "SpaceVisitor_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "Space"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "SpaceEvent" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpaceEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SpaceEvent_spaceId_createdAt_idx" ON "SpaceEvent"("spaceId", "createdAt");

-- CreateIndex
CREATE INDEX "SpaceEvent_organizationId_createdAt_idx" ON "SpaceEvent"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "SpaceEvent" ADD CONSTRAINT "SpaceEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpaceEvent" ADD CONSTRAINT "SpaceEvent_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "Space"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Sharely's background jobs (a role change's workflowId), recorded done.
-- CreateTable
CREATE TABLE "BackgroundJob" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BackgroundJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BackgroundJob_organizationId_workspaceId_createdAt_idx" ON "BackgroundJob"("organizationId", "workspaceId", "createdAt");

-- AddForeignKey
ALTER TABLE "BackgroundJob" ADD CONSTRAINT "BackgroundJob_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BackgroundJob" ADD CONSTRAINT "BackgroundJob_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
