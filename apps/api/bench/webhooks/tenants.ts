import { benchApiKey } from '../shared/api-process';

/** The operator key every scenario 6 API process starts with, to create the second organization. */
export const benchAdminKey = 'bench-admin-key-0123456789abcdef-admin';

/** A JSON call as one organization's key; throws with the body on anything but 2xx. */
export async function callAs<T = unknown>(
  url: string,
  key: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'x-api-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 500)}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** A new organization (operator API), answering its owner key. */
export async function createOrganization(url: string, name: string): Promise<string> {
  const created = await callAs<{ apiKey: { key: string } }>(
    url,
    benchAdminKey,
    'POST',
    '/admin/organizations',
    {
      name,
    },
  );
  return created.apiKey.key;
}

/** The bootstrap organization's key: the organization without groups or subscriptions. */
export const bareKey = benchApiKey;

const priorities = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
const channels = ['EMAIL', 'LIVE_CHAT', 'WHATSAPP', 'SMS', 'FACEBOOK_MESSENGER'];

/**
 * `count` groups of the kinds a support team saves — all high-priority work, one customer,
 * billing of a priority on a channel, refunds of a priority on a channel, a topic prefix — so
 * that a new conversation of `newConversation`'s mix enters two or three of them (the scenario
 * reports how many events a create writes in each organization).
 */
export function benchGroups(count: number): { name: string; criteria: string }[] {
  return Array.from({ length: count }, (_, k) => {
    const priority = priorities[k % priorities.length] as string;
    const channel = channels[Math.floor(k / 4) % channels.length] as string;
    const criteria =
      k === 0
        ? 'priority>=HIGH;status!=CLOSED'
        : ([
            `metadata.customerId==${1000 + ((k * 37) % 997)}`,
            `metadata.topic==billing;priority==${priority};channel==${channel}`,
            `tags=in=(refund,invoice);priority==${priority};channel==${channel}`,
            `topic=="Bench conversation ${k}*"`,
          ][k % 4] as string);
    return { name: `Bench group ${k + 1}`, criteria };
  });
}

/**
 * Ten subscriptions as an organization would have them: a CRM mirroring every conversation
 * change, filtered ones (criteria, a group), group watchers, and some for events a create never
 * produces. All point at `receiverUrl` (one path each).
 */
export function benchSubscriptions(
  receiverUrl: string,
  groupIds: readonly string[],
): { url: string; events: string[]; criteria?: string; groupId?: string; description: string }[] {
  const conversationTypes = [
    'conversation.created',
    'conversation.updated',
    'conversation.status_changed',
    'conversation.closed',
    'conversation.assigned',
  ];
  const at = (name: string) => `${receiverUrl}/${name}`;
  return [
    { url: at('crm'), events: conversationTypes, description: 'CRM mirror' },
    { url: at('high'), events: ['conversation.created'], criteria: 'priority>=HIGH', description: 'high' },
    { url: at('vip'), events: ['conversation.created'], criteria: 'tags==vip', description: 'vip' },
    { url: at('email'), events: ['conversation.created'], criteria: 'channel==EMAIL', description: 'email' },
    {
      url: at('group-1'),
      events: ['group.entered', 'group.left'],
      groupId: groupIds[1] as string,
      description: 'one group',
    },
    { url: at('group-2'), events: ['group.entered'], groupId: groupIds[2] as string, description: 'another' },
    { url: at('groups'), events: ['group.entered', 'group.left'], description: 'every group change' },
    { url: at('closed'), events: ['conversation.closed', 'conversation.assigned'], description: 'closing' },
    { url: at('messages'), events: ['message.created'], description: 'messages' },
    { url: at('disabled'), events: ['webhook.disabled'], description: 'operations' },
  ];
}
