-- Unavailable agents (settings routing.unavailableAgent, apps/api/src/jobs/reroute-unavailable.ts):
-- when an agent became AWAY or INVISIBLE, written in the same transaction as the status change,
-- so "unavailable since before now - grace" is one query. Agents already away are counted from
-- now: when they left is not known, and nothing should move the moment this is deployed.
ALTER TABLE "Agent" ADD COLUMN "unavailableSince" TIMESTAMP(3);
UPDATE "Agent" SET "unavailableSince" = CURRENT_TIMESTAMP WHERE "status" IN ('AWAY', 'INVISIBLE');

-- Routing's member loads also answer each member's last heartbeat: an agent whose heartbeat
-- lapsed is not given conversations (core isAvailableForAssignment). Otherwise the same two
-- statements as 20261202110200_queue_drain.
DROP FUNCTION "lock_queue_member_loads"(TEXT, TEXT, TEXT[]);

CREATE FUNCTION "lock_queue_member_loads"(organization_id TEXT, queue_id TEXT, counted TEXT[])
RETURNS TABLE ("id" TEXT, "status" TEXT, "capacity" INTEGER, "lastAssignedAt" TIMESTAMP(3), "lastHeartbeatAt" TIMESTAMP(3), "open" INTEGER)
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
  SELECT a."id", a."status"::TEXT, a."capacity", a."lastAssignedAt", a."lastHeartbeatAt",
    (SELECT count(*)::INTEGER FROM "Conversation" c
     WHERE c."organizationId" = organization_id AND c."agentId" = a."id"
       AND c."status"::TEXT = ANY(counted))
  FROM "Agent" a
  WHERE a."id" = ANY(locked)
  ORDER BY a."id";
END
$$;
