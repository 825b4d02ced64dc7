-- The Slack bot's state (apps/slackbot): watched channels, one card per conversation per channel,
-- claims of once-only work, the bot's event cursor; and internal notes among messages.

-- AlterTable
ALTER TABLE "Message" ADD COLUMN "internal" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SlackWatch" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "disabledAt" TIMESTAMP(3),
    "disabledReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlackWatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlackCard" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageTs" TEXT,
    "claimedUntil" TIMESTAMP(3) NOT NULL,
    "mark" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlackCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlackClaim" (
    "organizationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlackClaim_pkey" PRIMARY KEY ("organizationId","key")
);

-- CreateTable
CREATE TABLE "SlackCursor" (
    "organizationId" TEXT NOT NULL,
    "sequence" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlackCursor_pkey" PRIMARY KEY ("organizationId")
);

-- CreateIndex
CREATE INDEX "SlackWatch_organizationId_groupId_idx" ON "SlackWatch"("organizationId", "groupId");

-- CreateIndex
CREATE UNIQUE INDEX "SlackWatch_organizationId_channelId_groupId_key" ON "SlackWatch"("organizationId", "channelId", "groupId");

-- CreateIndex
CREATE UNIQUE INDEX "SlackCard_organizationId_conversationId_channelId_key" ON "SlackCard"("organizationId", "conversationId", "channelId");

-- CreateIndex
CREATE UNIQUE INDEX "SlackCard_organizationId_channelId_messageTs_key" ON "SlackCard"("organizationId", "channelId", "messageTs");

-- CreateIndex
CREATE INDEX "SlackClaim_expiresAt_idx" ON "SlackClaim"("expiresAt");

-- AddForeignKey
ALTER TABLE "SlackWatch" ADD CONSTRAINT "SlackWatch_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlackWatch" ADD CONSTRAINT "SlackWatch_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ConversationGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlackCard" ADD CONSTRAINT "SlackCard_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlackCard" ADD CONSTRAINT "SlackCard_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlackClaim" ADD CONSTRAINT "SlackClaim_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlackCursor" ADD CONSTRAINT "SlackCursor_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
