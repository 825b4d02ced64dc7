import { router } from '../../trpc/init';
import { createOrganization } from './create-organization';
import { listOrganizations } from './list-organizations';

/** The operator's procedures, authorised only by ADMIN_API_KEY. */
export const adminRouter = router({
  createOrganization,
  listOrganizations,
});
