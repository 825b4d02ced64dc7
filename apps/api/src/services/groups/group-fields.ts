import { DomainError, isDomainError, validateDescription, validateGroupName } from '@switchboard/core';
import { parseCriteriaInput } from './parse-criteria-input';

export interface GroupFields {
  name: string;
  description?: string | null | undefined;
  criteria: string;
}

/** A group as it is stored: the trimmed name and the criteria exactly as the caller wrote them. */
export interface CheckedGroupFields {
  name: string;
  description: string | null;
  criteria: string;
}

/**
 * Applies core's group rules. `path` prefixes the field names of refusals ("groups.2."), so a
 * bulk request names the item and field at fault. The criteria are parsed to refuse bad ones but
 * stored as written: that is the text the caller recognises, and the canonical form is one
 * `groups.preview` away.
 */
export function checkGroupFields(fields: GroupFields, path = ''): CheckedGroupFields {
  const description = fields.description ?? null;
  const checked = withPath(path, () => ({
    name: validateGroupName(fields.name),
    description: description === null ? null : validateDescription(description),
  }));
  parseCriteriaInput(fields.criteria, `${path}criteria`);
  return { ...checked, criteria: fields.criteria };
}

/** Re-throws a field refusal with its field prefixed by `path`. */
export function withPath<T>(path: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!path || !isDomainError(error) || typeof error.details?.field !== 'string') throw error;
    const field = `${path}${error.details.field}`;
    throw new DomainError(error.code, `${path}${error.message}`, { ...error.details, field });
  }
}
