import { z } from 'zod';
import { entitiesTag, entitySchema } from '../../routers/entities/entity.types';
import { oneTrackerOutput, trackerSchema, trackersTag } from '../../routers/trackers/tracker.types';
import type { DialectOperation, RestRequest } from '../dialect';

/** The body array, handed to the bulk procedure under `field`. */
const bodyAs =
  (field: string) =>
  ({ body }: RestRequest) => ({ [field]: body });
/** A one-object body, or an array for the bulk procedure (`POST` paths both revisions share). */
const objectOrArray =
  (field: string) =>
  ({ body }: RestRequest) =>
    Array.isArray(body) ? { [field]: body } : body;
const withParams = ({ body, params }: RestRequest) => ({ ...(body as object), ...params });

const entities = (summary: string, rest: Omit<DialectOperation, 'summary' | 'tags'>): DialectOperation => ({
  summary,
  tags: entitiesTag,
  ...rest,
});
const trackers = (summary: string, rest: Omit<DialectOperation, 'summary' | 'tags'>): DialectOperation => ({
  summary,
  tags: trackersTag,
  ...rest,
});

/**
 * The newer Management API revision (docs.symbl.ai and the Go SDK): plural entity and tracker
 * paths, `…/bulk` creates and the tracker JSON Patch. The 2022 singular paths are the
 * procedures' own REST paths (routers/entities, routers/trackers); `POST /v1/manage/entities`
 * and `POST /v1/manage/trackers` mean "create one" in the newer revision and "create many" in
 * the older one, so they take either form.
 */
export const managementOperations: DialectOperation[] = [
  entities('Create one custom entity (an object) or several, all or nothing (an array)', {
    method: 'POST',
    path: '/v1/manage/entities',
    procedure: { object: 'entities.create', array: 'entities.createMany' },
    input: objectOrArray('entities'),
    body: z.union([z.object({}).passthrough(), z.array(z.object({}).passthrough())]),
    response: z.union([entitySchema, z.object({ entities: z.array(entitySchema) })]),
  }),
  entities('Create several custom entities at once (all or nothing); the body is a JSON array', {
    method: 'POST',
    path: '/v1/manage/entities/bulk',
    procedure: 'entities.createMany',
    input: bodyAs('entities'),
  }),
  entities('Get a custom entity (bare object)', {
    method: 'GET',
    path: '/v1/manage/entities/{entityId}',
    procedure: 'entities.get',
  }),
  entities('Replace a custom entity; answers { entity }', {
    method: 'PUT',
    path: '/v1/manage/entities/{entityId}',
    procedure: 'entities.update',
    input: withParams,
    present: (entity: z.infer<typeof entitySchema>) => ({ entity }),
    response: z.object({ entity: entitySchema }),
  }),
  entities('Delete a custom entity and what was detected of it', {
    method: 'DELETE',
    path: '/v1/manage/entities/{entityId}',
    procedure: 'entities.delete',
  }),
  entities('Delete every custom entity of a subType (?subType=, optionally &type=)', {
    method: 'DELETE',
    path: '/v1/manage/entities',
    procedure: 'entities.deleteBySubType',
  }),
  trackers('Create one tracker (an object) or several, all or nothing (an array)', {
    method: 'POST',
    path: '/v1/manage/trackers',
    procedure: { object: 'trackers.create', array: 'trackers.createMany' },
    input: objectOrArray('trackers'),
    body: z.union([z.object({}).passthrough(), z.array(z.object({}).passthrough())]),
    response: z.union([oneTrackerOutput, z.object({ trackers: z.array(trackerSchema) })]),
  }),
  trackers('Create several trackers at once (all or nothing); the body is a JSON array', {
    method: 'POST',
    path: '/v1/manage/trackers/bulk',
    procedure: 'trackers.createMany',
    input: bodyAs('trackers'),
  }),
  trackers('Get a tracker; answers { tracker }', {
    method: 'GET',
    path: '/v1/manage/trackers/{trackerId}',
    procedure: 'trackers.get',
  }),
  trackers('Replace a tracker; answers { tracker }', {
    method: 'PUT',
    path: '/v1/manage/trackers/{trackerId}',
    procedure: 'trackers.update',
    input: withParams,
  }),
  ...['/v1/manage/trackers/{trackerId}', '/v1/manage/tracker/{trackerId}'].map((path) =>
    trackers('Change a tracker with a JSON Patch ([{op, path, value}]); answers { tracker }', {
      method: 'PATCH',
      path,
      procedure: 'trackers.patch',
      input: ({ body, params }: RestRequest) => ({ operations: body, ...params }),
    }),
  ),
  trackers('Delete a tracker; answers { id, type: "tracker", deleted: true }', {
    method: 'DELETE',
    path: '/v1/manage/trackers/{trackerId}',
    procedure: 'trackers.delete',
  }),
];
