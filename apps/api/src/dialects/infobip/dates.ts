/**
 * Infobip writes instants as `yyyy-MM-dd'T'HH:mm:ss.SSS+0000` (its Java client's pattern rejects
 * `Z`). The project writes `toISOString()` everywhere, so the family rewrites the serialized answer
 * once: every JSON string that is exactly a UTC instant in that form gets `+0000` for `Z`. One pass
 * over the text is cheaper than walking the object, and it covers operations added later without
 * each presenter remembering to format its dates.
 */
const utcInstant = /"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})Z"/g;

export const writeInfobipDates = (json: string): string => json.replace(utcInstant, '"$1+0000"');
