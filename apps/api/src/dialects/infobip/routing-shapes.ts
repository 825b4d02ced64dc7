import { DomainError, parseCriteria, parseExpression, printExpression, priorities } from '@switchboard/core';
import { z } from 'zod';
import type { RouteInput } from '../../routers/routing/replace-routes';
import type { RouteView } from '../../routers/routing/routing.types';
import { expressionSchema, maxRoutes } from '../../routers/routing/routing.types';

/**
 * Infobip's routing rule (CreateRuleApiRequest): `expression` is its JSON query; Switchboard
 * also takes RSQL in `criteria` instead (an extension). Fields the document shows in examples
 * but not in the schema (`queueName`) are accepted and ignored.
 */
export const infobipRuleSchema = z.object({
  priority: z.enum(priorities).optional().describe('Priority the routed conversation takes'),
  expression: expressionSchema.optional(),
  criteria: z
    .string()
    .optional()
    .describe('Switchboard extension: the rule in RSQL instead of `expression`, e.g. `tags==vip`'),
  queueId: z.string().min(1).max(255).describe('Queue the matched conversation is assigned to'),
  enabled: z.boolean().default(true),
  name: z.string().max(255).optional().describe('Rule name'),
  routeOnlyDuringWorkingHours: z.boolean().default(false),
});
export const infobipRulesSchema = z.array(infobipRuleSchema).max(maxRoutes, `at most ${maxRoutes} rules`);

/** The body of PUT /ccaas/1/routing as the project's rules; expression errors name `[i].expression…`. */
export function rulesFromBody(body: unknown): RouteInput[] {
  if (!Array.isArray(body)) {
    throw new DomainError(
      'VALIDATION',
      '(body): send the ordered array of rules, e.g. [{"queueId":"…","expression":{"$eq":{"message.channel":"WHATSAPP"}}}]',
      { field: '(body)' },
    );
  }
  const rules = infobipRulesSchema.parse(body);
  return rules.map((rule, index) => {
    if ((rule.expression === undefined) === (rule.criteria === undefined)) {
      throw new DomainError(
        'VALIDATION',
        `[${index}]: send expression (JSON, e.g. {"$eq":{"message.channel":"WHATSAPP"}}) or criteria (RSQL), exactly one`,
        { field: `[${index}].expression` },
      );
    }
    // Read here so the error names Infobip's path; the procedure reads it again to store it.
    if (rule.expression !== undefined) parseExpression(rule.expression, `[${index}].expression`);
    return {
      name: rule.name?.trim() || `Rule ${index + 1}`,
      queueId: rule.queueId,
      criteria: rule.criteria,
      expression: rule.expression,
      enabled: rule.enabled,
      conversationPriority: rule.priority ?? null,
      routeOnlyDuringWorkingHours: rule.routeOnlyDuringWorkingHours,
    };
  });
}

export const infobipRuleResponseSchema = z.object({
  id: z.string(),
  priority: z.enum(priorities).optional(),
  expression: expressionSchema,
  criteria: z.string().describe('Switchboard extension: the rule in RSQL'),
  queueId: z.string(),
  queueName: z.string(),
  enabled: z.boolean(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  order: z.number().int().min(1),
  routeOnlyDuringWorkingHours: z.boolean(),
  isPrivate: z.boolean(),
});

/**
 * A rule as Infobip answers it (RuleApiResponse). `expression` is the JSON as stored; a rule
 * written in RSQL gets its JSON equivalent, and `criteria` always carries the RSQL.
 */
export const presentInfobipRule = (route: RouteView): z.infer<typeof infobipRuleResponseSchema> => ({
  id: route.id,
  ...(route.conversationPriority ? { priority: route.conversationPriority } : {}),
  expression: route.expression ?? printExpression(parseCriteria(route.criteria)),
  criteria: route.criteria,
  queueId: route.queueId,
  queueName: route.queueName,
  enabled: route.enabled,
  name: route.name,
  createdAt: route.createdAt,
  updatedAt: route.updatedAt,
  order: route.priority,
  routeOnlyDuringWorkingHours: route.routeOnlyDuringWorkingHours,
  isPrivate: false,
});
