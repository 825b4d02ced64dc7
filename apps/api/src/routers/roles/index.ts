import { router } from '../../trpc/init';
import { createRole } from './create-role';
import { getRole } from './get-role';
import { listRoles } from './list-roles';
import { updateRole } from './update-role';

export const rolesRouter = router({
  list: listRoles,
  get: getRole,
  create: createRole,
  update: updateRole,
});
