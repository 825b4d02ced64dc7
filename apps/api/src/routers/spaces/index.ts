import { router } from '../../trpc/init';
import { createGroupConversation } from './create-group-conversation';
import { createSpace } from './create-space';
import { getSpace } from './get-space';
import { listGroupConversations } from './list-group-conversations';
import { listSpaces } from './list-spaces';

export const spacesRouter = router({
  list: listSpaces,
  get: getSpace,
  create: createSpace,
  createGroup: createGroupConversation,
  listGroups: listGroupConversations,
});
