-- Routing's "lock the queue's members, then count their open conversations" in one call.
-- The two steps must stay two statements: under READ COMMITTED a statement that starts after the
-- locks were granted sees every assignment committed by the transactions that held them, and a
-- VOLATILE PL/pgSQL function takes a new snapshot for each statement. Done by the API as two
-- queries, the locks were held across one more round trip to the API process, and every
-- transaction routing into an overlapping queue waits for them (bench scenario 3).
-- Not a Prisma model: schema.prisma cannot declare functions, and the drift test ignores them.
CREATE FUNCTION "lock_queue_member_loads"(organization_id TEXT, queue_id TEXT)
RETURNS TABLE ("id" TEXT, "status" TEXT, "capacity" INTEGER, "lastAssignedAt" TIMESTAMP(3), "open" INTEGER)
LANGUAGE plpgsql VOLATILE
AS $$
#variable_conflict use_column
DECLARE
  locked TEXT[];
BEGIN
  -- Agent rows in id order, so transactions locking overlapping sets cannot deadlock.
  SELECT coalesce(array_agg(member."id"), '{}') INTO locked
  FROM (
    SELECT a."id"
    FROM "Agent" a
    JOIN "QueueMember" m ON m."agentId" = a."id"
    WHERE m."organizationId" = organization_id AND m."queueId" = queue_id
      AND a."organizationId" = organization_id
    ORDER BY a."id"
    FOR UPDATE OF a
  ) member;
  -- Only the rows locked above: a member added meanwhile is not one this transaction may assign.
  RETURN QUERY
  SELECT a."id", a."status"::TEXT, a."capacity", a."lastAssignedAt",
    (SELECT count(*)::INTEGER FROM "Conversation" c
     WHERE c."organizationId" = organization_id AND c."agentId" = a."id" AND c."status" <> 'CLOSED')
  FROM "Agent" a
  WHERE a."id" = ANY(locked)
  ORDER BY a."id";
END
$$;
