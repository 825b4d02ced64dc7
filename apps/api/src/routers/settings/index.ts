import { router } from '../../trpc/init';
import { getSettings } from './get-settings';
import { patchSettings } from './patch-settings';

export const settingsRouter = router({
  get: getSettings,
  patch: patchSettings,
});
