import { router } from '../../trpc/init';
import { createWebhook } from './create-webhook';
import { deleteWebhook } from './delete-webhook';
import { getWebhook } from './get-webhook';
import { listDeliveries } from './list-deliveries';
import { listWebhooks } from './list-webhooks';
import { replayWebhook } from './replay-webhook';
import { rotateWebhookSecret } from './rotate-webhook-secret';
import { updateWebhook } from './update-webhook';

export const webhooksRouter = router({
  create: createWebhook,
  list: listWebhooks,
  get: getWebhook,
  update: updateWebhook,
  delete: deleteWebhook,
  rotateSecret: rotateWebhookSecret,
  deliveries: listDeliveries,
  replay: replayWebhook,
});
