import { errorReply } from '../blocks/error-reply';
import type { Reply } from '../blocks/kit';
import { CommandSyntaxError } from '../parsing/tokenize';
import { UsageError } from '../parsing/usage-error';
import { ApiCallError, CommandRefusal } from './refusal';

/** Logs what the user cannot fix; commands never throw past this. */
export type ErrorLogger = (message: string, error: unknown) => void;

/**
 * Runs a command and turns every refusal into an ephemeral error reply that shows the usage line
 * and the API's message; a criteria error also shows the criteria with a caret at the position.
 */
export async function replyOrError(
  usage: string,
  log: ErrorLogger,
  work: () => Promise<Reply>,
): Promise<Reply> {
  try {
    return await work();
  } catch (error) {
    return errorReplyFor(error, usage, log);
  }
}

export function errorReplyFor(error: unknown, usage: string, log: ErrorLogger): Reply {
  if (error instanceof UsageError) return errorReply({ message: error.message, usage: error.usage });
  if (error instanceof CommandSyntaxError || error instanceof CommandRefusal) {
    return errorReply({ message: error.message, usage });
  }
  if (error instanceof ApiCallError) {
    const { failure, criteria } = error;
    if (failure.kind === 'unexpected') log('Unexpected answer from the API', error);
    return errorReply({
      message: failure.message,
      usage,
      ...(criteria !== undefined && failure.position
        ? { criteria: { text: criteria, ...failure.position } }
        : {}),
    });
  }
  log('Command failed', error);
  return errorReply({
    message: 'Something went wrong in the bot; it has been logged. Try again in a moment.',
    usage,
  });
}
