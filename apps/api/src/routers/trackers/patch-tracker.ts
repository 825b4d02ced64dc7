import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { applyJsonPatch, patchOperationSchema } from '../../shared/json-patch';
import { protectedProcedure } from '../../trpc/init';
import { updateTracker } from './save-trackers';
import { oneTrackerOutput, type TrackerView, trackerFieldsInput, trackerIdInput } from './tracker.types';

/** The members of a tracker a patch may touch (Symbl's Go SDK patches these paths). */
const patchable = ['name', 'description', 'categories', 'languages', 'vocabulary'] as const;

/**
 * Symbl's tracker update as its Go SDK sends it: an RFC 6902 JSON Patch (`[{op, path, value}]`)
 * applied to the tracker's fields, validated whole as a PUT body would be, then written and
 * re-detected in one transaction that holds the tracker's row (concurrent patches apply in turn).
 * A path outside the tracker's fields is 400 naming it; a failing patch changes nothing.
 */
export const patchTracker = protectedProcedure
  .input(
    trackerIdInput.extend({
      operations: z
        .array(patchOperationSchema)
        .min(1, 'must hold at least one operation')
        .max(100, 'must hold at most 100 operations'),
    }),
  )
  .output(oneTrackerOutput)
  .mutation(async ({ ctx, input }) => {
    input.operations.forEach((operation, index) => {
      for (const [member, pointer] of [
        ['path', operation.path],
        ['from', operation.from],
      ] as const) {
        if (pointer === undefined) continue;
        const root = pointer.split('/')[1] ?? '';
        if (!(patchable as readonly string[]).includes(root)) {
          const field = `operations.${index}.${member}`;
          throw new DomainError(
            'VALIDATION',
            `${field}: "${pointer}" is not a tracker field a patch may change (${patchable.map((name) => `/${name}`).join(', ')}); nothing was changed.`,
            { field, path: pointer },
          );
        }
      }
    });
    const tracker = await updateTracker(ctx, input.trackerId, (current) => {
      const patched = applyJsonPatch(editableFields(current), input.operations, 'operations');
      const parsed = trackerFieldsInput.safeParse(patched);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = `/${issue?.path.join('/') ?? ''}`;
        throw new DomainError(
          'VALIDATION',
          `The patched tracker is invalid at "${field}": ${issue?.message ?? 'invalid'}; nothing was changed.`,
          { field, path: field },
        );
      }
      return parsed.data;
    });
    return { tracker };
  });

const editableFields = (tracker: TrackerView) => ({
  name: tracker.name,
  description: tracker.description,
  categories: tracker.categories,
  languages: tracker.languages,
  vocabulary: tracker.vocabulary,
});
