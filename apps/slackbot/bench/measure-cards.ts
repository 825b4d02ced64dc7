import { apiCall } from '../../api/bench/shared/api-process';
import { type Summary, summarize } from '../../api/bench/shared/stats';
import type { SlackSink } from './slack-sink';

export interface CardRun {
  cards: number;
  rate: number;
  seconds: number;
  changes: number;
  /** Changes whose new state reached the card in the fake Slack (chat.update). */
  shown: number;
  /** From sending the change to the API to the chat.update that shows it. */
  latency: Summary;
}

const channelId = 'CBENCHCARDS';
const topicOf = (card: number, version: number) => `Bench card ${card} v${version}`;
const versionIn = /Bench card (\d+) v(\d+)/;

const trpc = <T>(url: string, procedure: string, input: unknown) =>
  apiCall<{ result: { data: T } }>(url, 'POST', `/trpc/${procedure}`, input).then(
    (answer) => answer.result.data,
  );

/**
 * Change → card updated: a channel watches a group of `cards` conversations (one card each, as the
 * live inbox posts them); their topics are then changed round-robin at a steady `rate` per second
 * (each change a new version in the topic), and each change is timed until a chat.update of its
 * card shows that version or a later one.
 */
export async function measureCardUpdates(options: {
  apiUrl: string;
  sink: SlackSink;
  cards: number;
  rate: number;
  seconds: number;
}): Promise<CardRun> {
  const { apiUrl, sink } = options;
  const { group } = await trpc<{ group: { id: string } }>(apiUrl, 'groups.create', {
    name: 'Bench cards',
    criteria: 'tags==benchcards',
  });
  await trpc(apiUrl, 'slack.watch', { channelId, groupId: group.id });
  const ids: string[] = [];
  for (let card = 0; card < options.cards; card++) {
    const created = await trpc<{ id: string }>(apiUrl, 'conversations.create', {
      topic: topicOf(card, 0),
      tags: ['benchcards'],
    });
    ids.push(created.id);
  }
  const tsOf = await cardsPosted(sink, options.cards);
  // Give the bot a moment to record the last cards before they change.
  await new Promise((resolve) => setTimeout(resolve, 2000));

  const total = Math.max(1, Math.round(options.rate * options.seconds));
  const interval = 1000 / options.rate;
  const changes: { card: number; version: number; sentAt: number }[] = [];
  const sending: Promise<unknown>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = start + i * interval - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const card = i % options.cards;
    const version = Math.floor(i / options.cards) + 1;
    changes.push({ card, version, sentAt: performance.now() });
    sending.push(
      trpc(apiUrl, 'conversations.patch', { conversationId: ids[card], topic: topicOf(card, version) }),
    );
  }
  await Promise.all(sending);
  const shownAt = (card: number, version: number) =>
    sink.updates.find((update) => {
      const match = versionIn.exec(update.text);
      return (
        update.ts === tsOf.get(card) && match && Number(match[1]) === card && Number(match[2]) >= version
      );
    })?.at;
  const deadline = Date.now() + 30_000;
  while (changes.some((c) => shownAt(c.card, c.version) === undefined) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const latencies = changes.flatMap((change) => {
    const at = shownAt(change.card, change.version);
    return at === undefined ? [] : [at - change.sentAt];
  });
  return {
    cards: options.cards,
    rate: options.rate,
    seconds: options.seconds,
    changes: changes.length,
    shown: latencies.length,
    latency: summarize(latencies),
  };
}

/** Waits until every card is posted; maps each card number to its message ts. */
async function cardsPosted(sink: SlackSink, cards: number): Promise<Map<number, string>> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = new Map<number, string>();
    for (const post of sink.posts) {
      const match = versionIn.exec(post.text);
      if (match) found.set(Number(match[1]), post.ts);
    }
    if (found.size >= cards) return found;
    if (Date.now() > deadline) throw new Error(`only ${found.size} of ${cards} cards were posted`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
