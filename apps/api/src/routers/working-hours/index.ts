import { router } from '../../trpc/init';
import { addHoliday } from './add-holiday';
import { createWorkingHours } from './create-working-hours';
import { deleteWorkingHours } from './delete-working-hours';
import { getWorkingHours } from './get-working-hours';
import { listWorkingHours } from './list-working-hours';
import { patchWorkingHours } from './patch-working-hours';
import { removeHoliday } from './remove-holiday';
import { updateWorkingHours } from './update-working-hours';
import { workingHoursStatus } from './working-hours-status';

export const workingHoursRouter = router({
  list: listWorkingHours,
  create: createWorkingHours,
  get: getWorkingHours,
  update: updateWorkingHours,
  patch: patchWorkingHours,
  delete: deleteWorkingHours,
  status: workingHoursStatus,
  addHoliday,
  removeHoliday,
});
