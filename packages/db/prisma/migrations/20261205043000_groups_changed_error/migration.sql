-- An event write that commits its transaction in the same round trip (commitsTransaction) cannot
-- judge group enter/leave again when the organization's groups changed since they were cached:
-- its COMMIT is already on its way. It calls this instead, which undoes the whole transaction
-- with serialization_failure (40001); the caller runs it again the ordinary way, judging with
-- fresh groups under the organization's lock (apps/api/src/events/record-changes.ts).
CREATE FUNCTION "switchboard_groups_changed"() RETURNS BOOLEAN
LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
  RAISE EXCEPTION 'The organization''s groups changed while this change was judged; run it again.'
    USING ERRCODE = 'serialization_failure';
END;
$$;
