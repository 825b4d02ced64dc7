import { z } from 'zod';
import { settingsSchema, settingsTag } from '../../routers/settings/settings.types';
import type { DialectOperation, RestRequest } from '../dialect';

type Settings = z.infer<typeof settingsSchema>;

/**
 * Symbl's user settings answer only what was configured, inside a `settings` object
 * (`intelligence.bookmarks.duration`, `redaction.default`, `redaction.type`). The whole document
 * (Switchboard's routing and pagination settings too) stays beside it.
 */
export function withSymblSettings(document: Settings) {
  const { duration } = document.intelligence.bookmarks;
  const redaction = document.redaction;
  return {
    ...document,
    settings: {
      ...(duration === undefined ? {} : { intelligence: { bookmarks: { duration } } }),
      ...(Object.keys(redaction).length === 0 ? {} : { redaction }),
    },
  };
}

const response = settingsSchema.extend({
  settings: z.object({
    intelligence: settingsSchema.shape.intelligence.optional(),
    redaction: settingsSchema.shape.redaction.optional(),
  }),
});

export const settingsOperations: DialectOperation[] = [
  {
    method: 'GET',
    path: '/v1/manage/settings',
    summary: 'The settings document; Symbl’s configured user settings are also under `settings`',
    tags: settingsTag,
    procedure: 'settings.get',
    present: withSymblSettings,
    response,
  },
  {
    method: 'PATCH',
    path: '/v1/manage/settings',
    summary: 'Change settings with an RFC 6902 JSON Patch (a JSON array of operations)',
    tags: settingsTag,
    procedure: 'settings.patch',
    input: ({ body }: RestRequest) => ({ patch: body }),
    present: withSymblSettings,
    body: z.array(z.object({ op: z.string(), path: z.string(), value: z.unknown().optional() })),
    response,
  },
];
