import { type CriteriaAst, printCriteria } from '@switchboard/core';
import { z } from 'zod';
import { conversationSchema, presentConversation } from '../../services/conversations/conversation-view';
import { findMembers } from '../../services/groups/group-members';
import { parseCriteriaInput } from '../../services/groups/parse-criteria-input';
import { protectedProcedure } from '../../trpc/init';

const astSchema = z.custom<CriteriaAst>((value) => typeof value === 'object' && value !== null);

/**
 * Checks criteria without saving a group: the parsed AST, its canonical text, how many
 * conversations match now and the newest few. Bad criteria are refused (400) with core's
 * structured error, exactly as group create would refuse them.
 */
export const previewGroup = protectedProcedure
  .input(
    z.object({
      criteria: z.string(),
      limit: z.number().int().min(0).max(50).default(5),
    }),
  )
  .output(
    z.object({
      valid: z.literal(true),
      ast: astSchema,
      canonical: z.string(),
      count: z.number().int().nonnegative(),
      sample: z.array(conversationSchema),
    }),
  )
  .query(async ({ ctx, input }) => {
    const ast = parseCriteriaInput(input.criteria, 'criteria');
    const page = await findMembers(ctx.prisma, ctx.organizationId, ast, {
      limit: input.limit,
      offset: 0,
      order: 'desc',
    });
    return {
      valid: true as const,
      ast,
      canonical: printCriteria(ast),
      count: page.totalCount,
      sample: page.rows.map(presentConversation),
    };
  });
