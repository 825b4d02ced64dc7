import { writeInfobipDates } from '../../src/dialects/infobip/dates';

/** A value as the Infobip family writes it: every `…Z` instant as `…+0000`. */
export const asInfobip = <T>(value: T): T => JSON.parse(writeInfobipDates(JSON.stringify(value))) as T;

/** The serviceException of an Infobip error answer. */
// biome-ignore lint/suspicious/noExplicitAny: tests assert on arbitrary JSON shapes
export const serviceException = (body: any) => body?.requestError?.serviceException;
