import { z } from 'zod';

/** Infobip's StatusCodeResponse: the answer of its writes that report a status, not the object. */
export const statusCodeResponseSchema = z.object({
  statusCode: z.enum(['SUCCESS', 'ERROR']),
  message: z.string(),
});
export const success = (message: string) => ({ statusCode: 'SUCCESS' as const, message });
/** A row's `present` answering the status with the document's message. */
export const answersStatus = (message: string) => () => success(message);
