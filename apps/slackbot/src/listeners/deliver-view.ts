import type { Logger, webApi } from '@slack/bolt';
import { plain, type Reply } from '../blocks/kit';

export interface ViewDestination {
  client: webApi.WebClient;
  triggerId: string;
  /** The view the button is on: the App Home tab, or a modal the bot opened. */
  view: { id: string; type: string };
  /** Replace the modal the button is on, or open one over it (or over App Home). */
  placing: 'replace' | 'beside';
  logger: Logger;
}

// Slack's limits: a modal title holds 24 characters and a view 100 blocks.
const maxBlocks = 100;

/** A reply as a modal: what a button on App Home or in a modal answers with (they have no response_url). */
export const replyModal = (reply: Reply) => ({
  type: 'modal' as const,
  title: plain(reply.ephemeral ? 'Not done' : 'Switchboard', 24),
  close: plain('Close', 24),
  blocks: reply.blocks.slice(0, maxBlocks),
});

/**
 * App Home's buttons open the card in a modal; buttons in that modal update it in place (Route,
 * Next…) or stack a modal on it (Show, and errors, so closing one returns to the card).
 */
export async function deliverInView(reply: Reply, to: ViewDestination): Promise<void> {
  const view = replyModal(reply);
  try {
    if (to.view.type !== 'modal') await to.client.views.open({ trigger_id: to.triggerId, view });
    else if (to.placing === 'replace' && !reply.ephemeral)
      await to.client.views.update({ view_id: to.view.id, view });
    else await to.client.views.push({ trigger_id: to.triggerId, view });
  } catch (error) {
    to.logger.error(
      `Could not show a reply in a modal: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
