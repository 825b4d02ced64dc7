import { router } from '../../trpc/init';
import { listEvents } from './list-events';
import { streamEvents } from './stream-events';

export const eventsRouter = router({
  list: listEvents,
  stream: streamEvents,
});
