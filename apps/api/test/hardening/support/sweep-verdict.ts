import type { TestResponse } from './http';
import type { SweepCall } from './sweep-plan';
import { idReferenceNames } from './tenant-filler';

/**
 * What one sweep answer means. `outcome` is counted; `failure` (when set) fails the sweep:
 * - 5xx, or a 2xx carrying A's data that B did not send, is always a failure;
 * - admin operations must refuse an organization's key with 401;
 * - with A's object as the target (or any A reference in a change), only 404 will do —
 *   400 is counted apart as "input we could not make valid", as it proves nothing either way;
 * - queries whose A references are only filters may answer 2xx, empty of A's data.
 */
export interface Verdict {
  outcome: string;
  failure?: string;
}

export function judge(call: SweepCall, res: TestResponse, leakTokens: readonly string[]): Verdict {
  const status = res.status;
  const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body ?? null);
  const sent = `${call.url ?? ''} ${call.body ?? ''} ${JSON.stringify(call.input ?? null)}`;
  const fail = (why: string): Verdict => ({
    outcome: `FAILED ${status}`,
    failure: `${call.label}: ${why} — answered ${status} ${text.slice(0, 300)}`,
  });
  if (status >= 500 || status === 0) return fail('server error');
  if (call.admin) return status === 401 ? { outcome: '401 admin' } : fail('admin operation not refused');
  const ok = status >= 200 && status < 300;
  if (ok) {
    const leaked = leakTokens.filter((token) => text.includes(token) && !sent.includes(token));
    if (leaked.length > 0) return fail(`answer contains A's data (${leaked.join(', ')})`);
  }
  const idsOfA = call.aReferences.filter((name) => idReferenceNames.includes(name));
  if (status === 404) return { outcome: '404' };
  if (status === 400) return { outcome: idsOfA.length > 0 ? '400 input not made valid' : '400 other' };
  const accepted = acceptedAnswers[call.procedurePath];
  if (accepted && accepted.status === status) return { outcome: `${status} accepted (${accepted.why})` };
  // Names, criteria and cursors of A's may also be B's own (a tag named alike): B acts on its own.
  if (idsOfA.length === 0) return { outcome: ok ? '2xx own tenant' : `${status} own tenant` };
  if (ok && call.query && !call.targetsA) return { outcome: '2xx filtered, none of A' };
  return fail(`expected 404 for A's ${idsOfA.join(', ')}`);
}

/**
 * Answers other than 404 that are right for a reference to another tenant's object, and why.
 * Keep this list short: each entry is a promise reviewed by a person.
 */
const acceptedAnswers: Record<string, { status: number; why: string }> = {
  // The client chooses the id and ids are unique across the installation: "in use" is the only
  // honest answer, and it reveals no data (nothing of A's object is returned or changed).
  'entities.createWithId': { status: 409, why: 'client-chosen id in use' },
};
