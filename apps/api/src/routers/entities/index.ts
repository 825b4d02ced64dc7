import { router } from '../../trpc/init';
import { createEntities } from './create-entities';
import { createEntity } from './create-entity';
import { createEntityWithId } from './create-entity-with-id';
import { deleteEntitiesBySubType } from './delete-entities-by-subtype';
import { deleteEntity } from './delete-entity';
import { entityDetections } from './entity-detections';
import { getEntity } from './get-entity';
import { listEntities } from './list-entities';
import { updateEntity } from './update-entity';

export const entitiesRouter = router({
  list: listEntities,
  get: getEntity,
  create: createEntity,
  createWithId: createEntityWithId,
  createMany: createEntities,
  update: updateEntity,
  delete: deleteEntity,
  deleteBySubType: deleteEntitiesBySubType,
  detections: entityDetections,
});
