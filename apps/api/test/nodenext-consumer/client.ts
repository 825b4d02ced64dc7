// A consumer that resolves packages as Node does (tsconfig.json: moduleResolution NodeNext),
// compiled by nodenext-consumer.test.ts. Its types must be real: each @ts-expect-error below is
// itself an error if AppRouter has decayed to `any`.
import type { AppRouter } from '@switchboard/api';
import { createTRPCClient, httpLink } from '@trpc/client';

const api = createTRPCClient<AppRouter>({
  links: [httpLink({ url: 'http://localhost:3000/trpc', headers: { 'x-api-key': process.env.KEY ?? '' } })],
});
const created = await api.conversations.create.mutate({ topic: 'Refund', priority: 'HIGH' });
const version: number = created.version;
const history = await api.conversations.history.query({ conversationId: created.id });
const preview = await api.groups.preview.query({ criteria: 'tags==vip and status==OPEN', limit: 5 });
// @ts-expect-error topic is a string
await api.conversations.create.mutate({ topic: 42 });
// @ts-expect-error there is no such procedure
await api.conversations.explode.mutate({});
// @ts-expect-error version is a number, not a string
const wrong: string = created.version;
console.log(version, history, preview, wrong);
