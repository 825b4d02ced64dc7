/** HTTP reason phrases of Infobip's `messageId` values, so every family's error reads alike. */
const reasons: Record<string, string> = {
  BAD_REQUEST: 'Bad Request',
  UNAUTHORIZED: 'Unauthorized',
  FORBIDDEN: 'Forbidden',
  NOT_FOUND: 'Not Found',
  CONFLICT: 'Conflict',
  PAYLOAD_TOO_LARGE: 'Payload Too Large',
  UNPROCESSABLE_ENTITY: 'Unprocessable Entity',
  TOO_MANY_REQUESTS: 'Too Many Requests',
  SERVICE_UNAVAILABLE: 'Service Unavailable',
};

export interface RestErrorView {
  error: unknown;
  message: unknown;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary details
  details: any;
  /** Whether the body holds nothing but its family's documented error members. */
  onlyDocumentedKeys: boolean;
}

/**
 * A REST error answer read the same way in every family: Infobip's
 * `{ requestError: { serviceException: { messageId, text, validationErrors?, details? } } }` and
 * the others' `{ error, message, details?, errorId? }` (Sharely adds the errorId it logs).
 */
// biome-ignore lint/suspicious/noExplicitAny: any error envelope
export function restError(body: any): RestErrorView {
  const exception = body?.requestError?.serviceException;
  if (exception) {
    return {
      error: reasons[exception.messageId] ?? exception.messageId,
      message: exception.text,
      details: exception.details,
      onlyDocumentedKeys:
        Object.keys(body).length === 1 &&
        Object.keys(exception).every((key) =>
          ['messageId', 'text', 'validationErrors', 'details'].includes(key),
        ),
    };
  }
  return {
    error: body?.error,
    message: body?.message,
    details: body?.details,
    onlyDocumentedKeys:
      typeof body === 'object' &&
      body !== null &&
      Object.keys(body).every((key) => ['error', 'message', 'details', 'errorId'].includes(key)),
  };
}
