import { router } from '../../trpc/init';
import { claimCard } from './claim-card';
import { claimOnce } from './claim-once';
import { disableChannel } from './disable-channel';
import { advanceEventCursor, getEventCursor } from './event-cursor';
import { findCard } from './find-card';
import { listCards } from './list-cards';
import { listWatches } from './list-watches';
import { markCard } from './mark-card';
import { recordCard } from './record-card';
import { unwatchGroup } from './unwatch-group';
import { watchGroup } from './watch-group';

/** The Slack bot's shared state (tRPC only): several bot processes agree through these. */
export const slackRouter = router({
  watch: watchGroup,
  unwatch: unwatchGroup,
  watches: listWatches,
  disableChannel,
  claimCard,
  recordCard,
  markCard,
  cards: listCards,
  findCard,
  claimOnce,
  cursor: getEventCursor,
  advanceCursor: advanceEventCursor,
});
