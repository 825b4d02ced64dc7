import { router } from '../../trpc/init';
import { createTracker } from './create-tracker';
import { createTrackers } from './create-trackers';
import { deleteTracker } from './delete-tracker';
import { getTracker } from './get-tracker';
import { listTrackers } from './list-trackers';
import { patchTracker } from './patch-tracker';
import { trackerDetections } from './tracker-detections';
import { updateTracker } from './update-tracker';

export const trackersRouter = router({
  list: listTrackers,
  get: getTracker,
  create: createTracker,
  createMany: createTrackers,
  update: updateTracker,
  patch: patchTracker,
  delete: deleteTracker,
  detections: trackerDetections,
});
