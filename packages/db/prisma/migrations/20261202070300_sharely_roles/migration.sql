-- Sharely: roles of a workspace, the role a scoped access token carries, the workspace's RBAC mode,
-- a space's description and the customer user a user space belongs to.
-- AlterTable
ALTER TABLE "AccessToken" ADD COLUMN     "roleId" TEXT;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "rbacStatus" TEXT NOT NULL DEFAULT 'INACTIVE';

-- CreateTable
CREATE TABLE "Role" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "customerRoleId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Role_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Role_organizationId_workspaceId_createdAt_idx" ON "Role"("organizationId", "workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Role_workspaceId_customerRoleId_key" ON "Role"("workspaceId", "customerRoleId");

-- AddForeignKey
ALTER TABLE "AccessToken" ADD CONSTRAINT "AccessToken_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Role" ADD CONSTRAINT "Role_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Role" ADD CONSTRAINT "Role_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- AlterTable
ALTER TABLE "Space" ADD COLUMN     "description" TEXT,
ADD COLUMN     "externalUserId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Space_workspaceId_externalUserId_key" ON "Space"("workspaceId", "externalUserId");

