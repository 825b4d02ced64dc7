import { App, type ReceiverEvent } from '@slack/bolt';

/**
 * A Bolt App whose `ack()` may be called more than once per delivery: the first call answers
 * Slack, later ones do nothing. Bolt's receiver throws on a second ack, and the delivery check
 * (security/dedupe.ts) acknowledges commands, clicks and shortcuts itself before it asks the API
 * whether the delivery is a repeat, so the listeners' own `await ack()` must be harmless after it.
 */
export class AckOnceApp extends App {
  override async processEvent(event: ReceiverEvent): Promise<void> {
    let acknowledged: Promise<void> | undefined;
    const ack: ReceiverEvent['ack'] = (response) => {
      acknowledged ??= event.ack(response);
      return acknowledged;
    };
    return super.processEvent({ ...event, ack });
  }
}
