-- Infobip's message model: directions INBOUND/OUTBOUND, a destination, a channel, a content type
-- with structured content, and the author. Existing rows keep their text as TEXT content.
ALTER TYPE "MessageDirection" RENAME VALUE 'IN' TO 'INBOUND';
ALTER TYPE "MessageDirection" RENAME VALUE 'OUT' TO 'OUTBOUND';
ALTER TABLE "Message" ALTER COLUMN "direction" SET DEFAULT 'INBOUND';

CREATE TYPE "MessageAuthorType" AS ENUM ('CUSTOMER', 'AGENT', 'SYSTEM', 'BOT');

ALTER TABLE "Message"
  ADD COLUMN "to" TEXT,
  ADD COLUMN "channel" TEXT,
  ADD COLUMN "contentType" TEXT NOT NULL DEFAULT 'TEXT',
  ADD COLUMN "content" JSONB,
  ADD COLUMN "authorType" "MessageAuthorType",
  ADD COLUMN "authorId" TEXT;

UPDATE "Message" SET "content" = jsonb_build_object('text', "text");
UPDATE "Message" SET "authorType" = CASE WHEN "direction" = 'INBOUND' THEN 'CUSTOMER'::"MessageAuthorType" ELSE 'AGENT'::"MessageAuthorType" END;
ALTER TABLE "Message" ALTER COLUMN "content" SET NOT NULL;
ALTER TABLE "Message" ALTER COLUMN "authorType" SET NOT NULL;
ALTER TABLE "Message" ALTER COLUMN "authorType" SET DEFAULT 'CUSTOMER';

CREATE INDEX "Message_conversationId_internal_createdAt_idx" ON "Message"("conversationId", "internal", "createdAt");

-- Infobip's agents: status ACTIVE | BUSY | INVISIBLE | AWAY (ONLINE was ACTIVE, OFFLINE was
-- INVISIBLE; only ACTIVE agents are given conversations), a role and an enabled flag.
ALTER TYPE "AgentStatus" RENAME VALUE 'ONLINE' TO 'ACTIVE';
ALTER TYPE "AgentStatus" RENAME VALUE 'OFFLINE' TO 'INVISIBLE';
ALTER TYPE "AgentStatus" ADD VALUE 'BUSY';
ALTER TABLE "Agent" ALTER COLUMN "status" SET DEFAULT 'INVISIBLE';

CREATE TYPE "AgentRole" AS ENUM ('AGENT', 'SUPERVISOR');
ALTER TABLE "Agent"
  ADD COLUMN "role" "AgentRole" NOT NULL DEFAULT 'AGENT',
  ADD COLUMN "enabled" BOOLEAN NOT NULL DEFAULT true,
  ADD COLUMN "lastHeartbeatAt" TIMESTAMP(3);
