import { router } from '../../trpc/init';
import { createMessage } from './create-message';
import { getMessage } from './get-message';
import { listMessages } from './list-messages';
import { relatedComments } from './related-comments';

export const messagesRouter = router({
  create: createMessage,
  list: listMessages,
  get: getMessage,
  relatedComments,
});
