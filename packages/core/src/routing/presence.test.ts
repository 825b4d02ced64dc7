import { describe, expect, test } from 'vitest';
import { isAvailableForAssignment } from './choose-agent';
import { heartbeatLapsed, isAgentUnavailable, isUnavailableStatus, unavailableSinceAfter } from './presence';

const at = (iso: string) => new Date(iso);
const now = at('2026-03-29T10:00:00Z');

describe('presence', () => {
  test('AWAY and INVISIBLE are unavailable; BUSY is busy but present', () => {
    expect(['ACTIVE', 'BUSY', 'AWAY', 'INVISIBLE'].map((s) => isUnavailableStatus(s as never))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  test.each([
    ['ACTIVE → AWAY starts the clock', 'ACTIVE', null, 'AWAY', now],
    ['BUSY → INVISIBLE starts the clock', 'BUSY', null, 'INVISIBLE', now],
    [
      'INVISIBLE → AWAY keeps the time it left',
      'INVISIBLE',
      at('2026-03-29T09:00:00Z'),
      'AWAY',
      at('2026-03-29T09:00:00Z'),
    ],
    ['AWAY → ACTIVE clears it', 'AWAY', at('2026-03-29T09:00:00Z'), 'ACTIVE', null],
    ['AWAY → BUSY clears it', 'AWAY', at('2026-03-29T09:00:00Z'), 'BUSY', null],
  ] as const)('%s', (_title, status, since, next, expected) => {
    expect(unavailableSinceAfter({ status, unavailableSince: since }, next, now)).toEqual(expected);
  });

  test('a heartbeat lapses after the lapse, and never for an agent that sent none', () => {
    expect(heartbeatLapsed(null, now, 5)).toBe(false);
    expect(heartbeatLapsed(at('2026-03-29T09:56:00Z'), now, 5)).toBe(false);
    expect(heartbeatLapsed(at('2026-03-29T09:55:00Z'), now, 5)).toBe(true);
  });

  test('an ACTIVE agent whose heartbeat lapsed is unavailable and takes nothing', () => {
    const silent = { status: 'ACTIVE' as const, lastHeartbeatAt: at('2026-03-29T09:00:00Z') };
    expect(isAgentUnavailable(silent, now, 5)).toBe(true);
    expect(isAgentUnavailable({ status: 'BUSY', lastHeartbeatAt: null }, now, 5)).toBe(false);
    expect(isAvailableForAssignment({ status: 'ACTIVE', heartbeatLapsed: true })).toBe(false);
    expect(isAvailableForAssignment({ status: 'ACTIVE' })).toBe(true);
  });
});
