import type { PublicError } from '../../errors/http-errors';

/** Infobip's `messageId` values, by HTTP status (the reference's error examples). */
const messageIds: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Infobip answers errors as `{ requestError: { serviceException: { messageId, text } } }`; its
 * clients read `messageId` and show `text`. Switchboard's `text` says what to fix, and the field
 * at fault goes in the documented `validationErrors` map (`{ field: [message] }`). `details` is
 * Switchboard's extension (the rule broken, the allowed values, a criteria position), which
 * Infobip's clients ignore.
 */
export function infobipErrorBody(error: PublicError): object {
  const field = typeof error.details?.field === 'string' ? error.details.field : undefined;
  return {
    requestError: {
      serviceException: {
        messageId: messageIds[error.status] ?? 'GENERAL_ERROR',
        text: error.message,
        ...(field && error.status === 400 ? { validationErrors: { [field]: [error.message] } } : {}),
        ...(error.details ? { details: error.details } : {}),
      },
    },
  };
}
