import { newConversation } from '../routing/setup';
import { type ApiChild, startApi } from '../shared/api-process';
import { runLoad } from '../shared/load';
import { withBenchDatabase } from '../shared/postgres';
import { cpuSecondsOf, cpuSecondsOfCommand } from '../shared/proc-stats';
import { median, type Summary, summarize } from '../shared/stats';
import type { Receiver } from './receiver-client';
import {
  bareKey,
  benchAdminKey,
  benchGroups,
  benchSubscriptions,
  callAs,
  createOrganization,
} from './tenants';

/** Where deliveries run during the measurement: in the API process (the default), or nowhere (an API with WEBHOOK_DELIVERY=worker only writes). */
export type DeliveryMode = 'api' | 'worker';

export interface OrganizationRuns {
  /** Creates per second, one per round. */
  rates: number[];
  /** API CPU ms per create, one per round (until the round's deliveries drained). */
  cpuMs: number[];
  /** The same for PostgreSQL (all its processes) and for the webhook receiver. */
  postgresCpuMs: number[];
  receiverCpuMs: number[];
  latencyMs: Summary;
  failures: number;
  /** Events written per create, and deliveries received per create. */
  eventsPerCreate: number;
  deliveriesPerCreate: number;
}

export interface WritePath {
  mode: DeliveryMode;
  bare: OrganizationRuns;
  loaded: OrganizationRuns;
}

export interface WritePathOptions {
  creates: number;
  rounds: number;
  concurrency: number;
  groups: number;
}

/**
 * One API process on a fresh PostgreSQL database with two organizations: the bootstrap one,
 * bare, and one with `groups` groups and ten webhook subscriptions to the receiver. Rounds of
 * `creates` closed-loop creates alternate between them (the order rotated each round), both
 * sending the same conversations; when deliveries run in the API, each round waits until they
 * have drained, so no round pays for another's.
 */
export async function measureWritePath(
  mode: DeliveryMode,
  receiver: Receiver,
  options: WritePathOptions,
  say: (line: string) => void,
): Promise<WritePath> {
  return withBenchDatabase('webhooks', async (databaseUrl) => {
    const api = await startApi({
      DATABASE_URL: databaseUrl,
      ADMIN_API_KEY: benchAdminKey,
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_DELIVERY: mode,
    });
    try {
      const loadedKey = await createOrganization(api.url, 'Bench loaded organization');
      const groups: { id: string }[] = [];
      const specs = benchGroups(options.groups);
      for (let from = 0; from < specs.length; from += 100) {
        // The bulk create takes at most 100 groups a call.
        const page = specs.slice(from, from + 100);
        groups.push(
          ...(
            await callAs<{ groups: { id: string }[] }>(api.url, loadedKey, 'POST', '/v1/manage/groups', page)
          ).groups,
        );
      }
      for (const subscription of benchSubscriptions(
        receiver.url,
        groups.map((group) => group.id),
      ))
        await callAs(api.url, loadedKey, 'POST', '/v1/webhooks', subscription);
      await receiver.reset();

      const organizations = [
        { key: bareKey, runs: emptyRuns() },
        { key: loadedKey, runs: emptyRuns() },
      ];
      const latencies: number[][] = [[], []];
      const warmUp = Math.min(100, options.creates);
      for (const organization of organizations) await createRound(api, organization.key, 0, warmUp, options);
      await drain(mode, receiver);
      say(
        `  ${mode === 'api' ? 'delivery in the API process' : 'API only writes'}: warmed up; ${options.rounds} rounds of ${options.creates} creates per organization`,
      );
      for (let round = 0; round < options.rounds; round++) {
        for (const o of round % 2 === 0 ? [0, 1] : [1, 0]) {
          const organization = organizations[o] as (typeof organizations)[number];
          const cpuBefore = await cpuReadings(api, receiver);
          const load = await createRound(
            api,
            organization.key,
            warmUp + round * options.creates,
            options.creates,
            options,
          );
          await drain(mode, receiver);
          const cpu = await cpuReadings(api, receiver);
          const perCreate = (seconds: number) => (seconds * 1000) / options.creates;
          organization.runs.rates.push(load.requestsPerSecond);
          organization.runs.cpuMs.push(perCreate(cpu.api - cpuBefore.api));
          organization.runs.postgresCpuMs.push(perCreate(cpu.postgres - cpuBefore.postgres));
          organization.runs.receiverCpuMs.push(perCreate(cpu.receiver - cpuBefore.receiver));
          organization.runs.failures += load.failures;
          latencies[o]?.push(...load.latencies);
        }
      }
      const creates = warmUp + options.rounds * options.creates;
      const received = await receiver.count();
      const [bare, loaded] = await Promise.all(
        organizations.map(async ({ key, runs }, o) => ({
          ...runs,
          latencyMs: summarize(latencies[o] ?? []),
          eventsPerCreate: (await eventCount(api.url, key)) / creates,
          deliveriesPerCreate: o === 1 ? received / creates : 0,
        })),
      );
      const rate = (runs: OrganizationRuns) => Math.round(median(runs.rates));
      say(
        `  ${mode}: ${rate(bare as OrganizationRuns)} creates/s bare, ${rate(loaded as OrganizationRuns)} with groups and subscriptions`,
      );
      return { mode, bare: bare as OrganizationRuns, loaded: loaded as OrganizationRuns };
    } finally {
      await api.stop();
    }
  });
}

const emptyRuns = () => ({
  rates: [] as number[],
  cpuMs: [] as number[],
  postgresCpuMs: [] as number[],
  receiverCpuMs: [] as number[],
  failures: 0,
});

/** CPU seconds so far of the API, of PostgreSQL (the local server the benchmark uses) and of the receiver. */
const cpuReadings = async (api: ApiChild, receiver: Receiver) => ({
  api: await cpuSecondsOf(api.pid),
  postgres: await cpuSecondsOfCommand('postgres'),
  receiver: await cpuSecondsOf(receiver.pid),
});

async function createRound(
  api: ApiChild,
  key: string,
  offset: number,
  count: number,
  options: WritePathOptions,
) {
  const latencies: number[] = [];
  const load = await runLoad({
    url: api.url,
    connections: options.concurrency,
    total: count,
    next: (i) => ({
      method: 'POST',
      path: '/ccaas/1/conversations',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify(newConversation(offset + i)),
    }),
    onResponse: (_i, _status, _body, latency) => latencies.push(latency),
  });
  return { ...load, latencies };
}

/** With delivery in the API, a round ends when its deliveries have stopped arriving. */
async function drain(mode: DeliveryMode, receiver: Receiver): Promise<void> {
  if (mode === 'api') await receiver.waitQuiet(400, 300_000);
}

/** How many conversation and group membership events the organization's log holds (its creates' events). */
async function eventCount(url: string, key: string): Promise<number> {
  let after = 0;
  let count = 0;
  for (;;) {
    const page = await callAs<{ events: { type: string }[]; next: number; hasMore: boolean }>(
      url,
      key,
      'GET',
      `/v1/events?after=${after}&limit=1000`,
    );
    count += page.events.filter(
      (event) =>
        event.type.startsWith('conversation.') ||
        event.type === 'group.entered' ||
        event.type === 'group.left',
    ).length;
    if (!page.hasMore) return count;
    after = page.next;
  }
}
