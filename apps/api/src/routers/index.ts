import { mergeRouters, router } from '../trpc/init';
import { adminRouter } from './admin';
import { agentsRouter } from './agents';
import { apiKeysRouter } from './api-keys';
import { conversationEventsRouter } from './conversation-events';
import { conversationRoutingRouter } from './conversation-routing';
import { conversationsRouter } from './conversations';
import { entitiesRouter } from './entities';
import { eventsRouter } from './events';
import { groupsRouter } from './groups';
import { messagesRouter } from './messages';
import { queuesRouter } from './queues';
import { rolesRouter } from './roles';
import { routingRouter } from './routing';
import { settingsRouter } from './settings';
import { slackRouter } from './slack';
import { spacesRouter } from './spaces';
import { tagsRouter } from './tags';
import { trackersRouter } from './trackers';
import { webhooksRouter } from './webhooks';
import { workingHoursRouter } from './working-hours';
import { workspacesRouter } from './workspaces';

export const appRouter = router({
  queues: queuesRouter,
  agents: agentsRouter,
  routing: routingRouter,
  workingHours: workingHoursRouter,
  conversationEvents: conversationEventsRouter,
  // route / assign / unassign live with the routing engine but belong to the conversation.
  conversations: mergeRouters(conversationsRouter, conversationRoutingRouter),
  messages: messagesRouter,
  tags: tagsRouter,
  workspaces: workspacesRouter,
  roles: rolesRouter,
  spaces: spacesRouter,
  apiKeys: apiKeysRouter,
  admin: adminRouter,
  groups: groupsRouter,
  entities: entitiesRouter,
  trackers: trackersRouter,
  settings: settingsRouter,
  events: eventsRouter,
  webhooks: webhooksRouter,
  slack: slackRouter,
});

/** The type internal apps import to get a fully typed `@trpc/client`. */
export type AppRouter = typeof appRouter;
