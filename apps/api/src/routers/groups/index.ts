import { router } from '../../trpc/init';
import { countGroupMembers } from './count-group-members';
import { createGroup } from './create-group';
import { createGroups } from './create-groups';
import { deleteGroup } from './delete-group';
import { getGroup, getGroupById } from './get-group';
import { listGroupMembers } from './list-group-members';
import { listGroups } from './list-groups';
import { memberPage } from './member-page';
import { previewGroup } from './preview-group';
import { updateGroup } from './update-group';

export const groupsRouter = router({
  list: listGroups,
  get: getGroup,
  getById: getGroupById,
  create: createGroup,
  createMany: createGroups,
  update: updateGroup,
  delete: deleteGroup,
  members: listGroupMembers,
  memberPage,
  count: countGroupMembers,
  preview: previewGroup,
});
