import { router } from '../../trpc/init';
import { activateUserSpace } from './activate-user-space';
import { createGroupConversation } from './create-group-conversation';
import { createSpace } from './create-space';
import { deleteGroup } from './delete-group';
import { getSpace } from './get-space';
import { listGroupConversations } from './list-group-conversations';
import { listSpaces } from './list-spaces';
import { renameGroup } from './rename-group';
import { spaceDetail } from './space-detail';

export const spacesRouter = router({
  list: listSpaces,
  get: getSpace,
  create: createSpace,
  createGroup: createGroupConversation,
  listGroups: listGroupConversations,
  detail: spaceDetail,
  renameGroup,
  deleteGroup,
  activateUserSpace,
});
