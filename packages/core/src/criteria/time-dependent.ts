import type { CriteriaAst } from './ast';
import { fieldSpec } from './fields';
import { isRelativeInstant } from './relative';

/**
 * Whether criteria compare an instant with `now` (`createdAt<now-4h`): their answer for an
 * unchanged conversation changes as time passes, so group enter/leave events for them need the
 * time sweep (apps/api/src/jobs/group-time-sweep.ts) besides the change-driven ones.
 */
export const readsClock = (ast: CriteriaAst): boolean =>
  ast.type === 'comparison'
    ? fieldSpec(ast.field)?.kind === 'instant' && ast.values.some(isRelativeInstant)
    : ast.children.some(readsClock);
