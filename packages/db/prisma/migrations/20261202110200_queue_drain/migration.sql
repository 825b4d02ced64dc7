-- Honest capacity: which statuses count toward an agent's load is a setting
-- (routing.capacityStatuses), so routing's "lock the members, then count their loads" takes the
-- counted statuses as an argument. Same two statements as before (see 20261121130000).
DROP FUNCTION "lock_queue_member_loads"(TEXT, TEXT);

CREATE FUNCTION "lock_queue_member_loads"(organization_id TEXT, queue_id TEXT, counted TEXT[])
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
     WHERE c."organizationId" = organization_id AND c."agentId" = a."id"
       AND c."status"::TEXT = ANY(counted))
  FROM "Agent" a
  WHERE a."id" = ANY(locked)
  ORDER BY a."id";
END
$$;

-- Scheduled work (queue drain sweep, auto-close; apps/api/src/jobs): one row per job, due at
-- "runAfter". A process claims a run by moving "runAfter" forward in one conditional UPDATE, so
-- each run happens in one process however many share the database, and a restart finds the
-- schedule where it was. A schema of its own, outside schema.prisma (as rate_limit): the jobs
-- serve every organization, so the rows belong to none, and only raw SQL reads them.
CREATE SCHEMA IF NOT EXISTS "jobs";

CREATE TABLE "jobs"."schedule" (
    "name" TEXT NOT NULL,
    "runAfter" TIMESTAMP(3) NOT NULL,
    "lastRunAt" TIMESTAMP(3),

    CONSTRAINT "schedule_pkey" PRIMARY KEY ("name")
);

-- The conversations waiting for an agent, in the order a queue drains them (most urgent, then
-- oldest): a drain batch reads the first rows of its queue, and the periodic sweep finds the
-- queues with anyone waiting, without reading assigned or closed conversations. Partial, so it
-- holds only waiting conversations; schema.prisma cannot declare a partial index.
CREATE INDEX "Conversation_waiting_idx" ON "Conversation" ("organizationId", "queueId", "priority" DESC, "createdAt", "id")
  WHERE "status" = 'OPEN' AND "agentId" IS NULL;
