import { z } from 'zod';
import { groupSchema } from '../../services/groups/group-view';
import { idSchema } from '../shared/schemas';

export { groupSchema };

/**
 * A group's fields as Symbl sends them. Types are checked here; names, lengths and criteria are
 * checked by core (services/groups/group-fields), so REST, tRPC and Slack refuse the same things.
 */
export const groupFieldsInput = z.object({
  name: z.string(),
  description: z.string().nullable().optional(),
  criteria: z.string(),
});

export const groupIdInput = z.object({ groupId: idSchema });

/** Symbl wraps one group as `{ "group": … }` and several as `{ "groups": […] }`. */
export const oneGroupOutput = z.object({ group: groupSchema });
export const manyGroupsOutput = z.object({ groups: z.array(groupSchema) });

export const groupsTag = ['Conversation groups (Symbl)'];
