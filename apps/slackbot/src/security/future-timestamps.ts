import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';

const WINDOW_SECONDS = 5 * 60;

/**
 * Bolt refuses timestamps more than 5 minutes in the past but not in the future; a request
 * signed with a clock far ahead could then be replayed for as long as that clock is ahead. This
 * closes the other side of the window: such requests get 401 before Bolt sees them.
 */
export function refuseFutureTimestamps(receiver: HTTPReceiver, now: () => number = Date.now): void {
  const verified = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const header = req.headers['x-slack-request-timestamp'];
    const timestamp = Number(Array.isArray(header) ? header[0] : header);
    if (Number.isFinite(timestamp) && timestamp - now() / 1000 > WINDOW_SECONDS) {
      res.writeHead(401, { 'content-type': 'text/plain' });
      res.end('Request timestamp is in the future');
      return;
    }
    verified(req, res);
  };
}
