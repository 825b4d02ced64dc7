import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { isoDateSchema, toIso } from '../shared/schemas';
import { findWorkspace } from './find-workspace';

/**
 * Sharely's background-job check (workspace.md). Switchboard runs the changes Sharely runs as
 * jobs (role create and update) before answering, so a job it knows is `COMPLETED`; an id it
 * does not know in this workspace (or another tenant's) is `NOT_FOUND`, one per id asked, in order.
 */
export const backgroundJobs = protectedProcedure
  .input(
    z.object({
      workspaceId: z.string().min(1),
      jobIds: z.array(z.string().min(1).max(64)).min(1, 'must list at least one job id').max(100),
    }),
  )
  .output(
    z.object({
      jobs: z.array(
        z.object({
          id: z.string(),
          status: z.enum(['COMPLETED', 'NOT_FOUND']),
          type: z.string().nullable(),
          entityId: z.string().nullable(),
          createdAt: isoDateSchema.nullable(),
          completedAt: isoDateSchema.nullable(),
        }),
      ),
    }),
  )
  .query(async ({ ctx, input }) => {
    await findWorkspace(ctx.prisma, ctx.organizationId, input.workspaceId);
    const found = await ctx.prisma.backgroundJob.findMany({
      where: { organizationId: ctx.organizationId, workspaceId: input.workspaceId, id: { in: input.jobIds } },
    });
    const byId = new Map(found.map((job) => [job.id, job]));
    return {
      jobs: input.jobIds.map((id) => {
        const job = byId.get(id);
        const at = job ? toIso(job.createdAt) : null;
        return job
          ? {
              id,
              status: 'COMPLETED' as const,
              type: job.type,
              entityId: job.entityId,
              createdAt: at,
              completedAt: at,
            }
          : {
              id,
              status: 'NOT_FOUND' as const,
              type: null,
              entityId: null,
              createdAt: null,
              completedAt: null,
            };
      }),
    };
  });
