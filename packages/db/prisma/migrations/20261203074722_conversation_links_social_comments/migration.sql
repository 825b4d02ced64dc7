-- Infobip's linked conversations (GET /ccaas/1/conversations/{id}/links): a follow-up (child)
-- conversation and the conversation it came from (parent), made when the child is created.
-- CreateTable
CREATE TABLE "ConversationLink" (
    "organizationId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "parentId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationLink_pkey" PRIMARY KEY ("organizationId","childId")
);

-- CreateIndex
CREATE INDEX "ConversationLink_organizationId_parentId_createdAt_idx" ON "ConversationLink"("organizationId", "parentId", "createdAt");

-- AddForeignKey
ALTER TABLE "ConversationLink" ADD CONSTRAINT "ConversationLink_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationLink" ADD CONSTRAINT "ConversationLink_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationLink" ADD CONSTRAINT "ConversationLink_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Infobip's related comments (GET /ccaas/1/conversations/{id}/related-comments): a social
-- comment's context, sent with the message; null on every other message.
-- AlterTable
ALTER TABLE "Message"
  ADD COLUMN "socialPostId" TEXT,
  ADD COLUMN "socialParentId" TEXT,
  ADD COLUMN "socialExternalId" TEXT,
  ADD COLUMN "socialUsername" TEXT,
  ADD COLUMN "socialPermalinkUrl" TEXT;

-- CreateIndex
CREATE INDEX "Message_social_comments_idx" ON "Message"("organizationId", "socialPostId", "socialParentId", "channel", "createdAt", "id");
