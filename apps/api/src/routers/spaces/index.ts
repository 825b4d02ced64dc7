import { router } from '../../trpc/init';
import { activateUserSpace } from './activate-user-space';
import { authenticateVisitor } from './authenticate-visitor';
import { createGroupConversation } from './create-group-conversation';
import { createSpace } from './create-space';
import { deleteGroup } from './delete-group';
import { getSpace } from './get-space';
import { listCallerSpaces } from './list-caller-spaces';
import { listGroupConversations } from './list-group-conversations';
import { listSpaceMessages } from './list-space-messages';
import { listSpaces } from './list-spaces';
import { openVisitorSpace } from './open-visitor-space';
import { postSpaceMessage } from './post-space-message';
import { recordSpaceEvent } from './record-space-event';
import { renameGroup } from './rename-group';
import { spaceDetail } from './space-detail';
import { spaceGreeting } from './space-greeting';
import { validateVisitorToken } from './validate-visitor-token';

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
  openVisitorSpace,
  validateVisitorToken,
  authenticateVisitor,
  listForCaller: listCallerSpaces,
  greeting: spaceGreeting,
  listMessages: listSpaceMessages,
  postMessage: postSpaceMessage,
  recordEvent: recordSpaceEvent,
});
