import { router } from '../../trpc/init';
import { addTag } from './add-tag';
import { createTag } from './create-tag';
import { deleteTag } from './delete-tag';
import { listForConversation } from './list-conversation-tags';
import { listTags } from './list-tags';
import { removeTag } from './remove-tag';

export const tagsRouter = router({
  list: listTags,
  create: createTag,
  delete: deleteTag,
  addToConversation: addTag,
  removeFromConversation: removeTag,
  listForConversation,
});
