-- Routing's member loads count each member's conversations in the counted statuses through the
-- (organizationId, agentId, status) index. The statuses came as text and were compared as text
-- ("status"::TEXT = ANY(counted)), which the index cannot answer: every one of the member's
-- conversations was visited, CLOSED ones included, so each routing cost grew with the agents'
-- whole history. Compared as the enum, the statuses are part of the index condition and only
-- the counted conversations are visited. Otherwise the function of 20261203080100_unavailable_agents.
DROP FUNCTION "lock_queue_member_loads"(TEXT, TEXT, TEXT[]);

CREATE FUNCTION "lock_queue_member_loads"(organization_id TEXT, queue_id TEXT, counted TEXT[])
RETURNS TABLE ("id" TEXT, "status" TEXT, "capacity" INTEGER, "lastAssignedAt" TIMESTAMP(3), "lastHeartbeatAt" TIMESTAMP(3), "open" INTEGER)
LANGUAGE plpgsql VOLATILE
AS $$
#variable_conflict use_column
DECLARE
  locked TEXT[];
  -- A variable of the enum's array type: the count below gets it as a parameter of that type,
  -- which the index condition takes (a cast inside the query would be a filter).
  counted_statuses "ConversationStatus"[] := counted::"ConversationStatus"[];
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
  SELECT a."id", a."status"::TEXT, a."capacity", a."lastAssignedAt", a."lastHeartbeatAt",
    (SELECT count(*)::INTEGER FROM "Conversation" c
     WHERE c."organizationId" = organization_id AND c."agentId" = a."id"
       AND c."status" = ANY(counted_statuses))
  FROM "Agent" a
  WHERE a."id" = ANY(locked)
  ORDER BY a."id";
END
$$;
