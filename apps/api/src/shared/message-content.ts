import { z } from 'zod';

/** The channels Infobip's create-message request names (messages are stored, never sent). */
export const messageChannels = [
  'SMS',
  'VIBER',
  'FACEBOOK_MESSENGER',
  'WHATSAPP',
  'RCS',
  'LIVE_CHAT',
  'LINE',
  'APPLE_BUSINESS_CHAT',
  'EMAIL',
  'TELEGRAM',
  'INSTAGRAM_MESSAGING',
  'KAKAO_SANGDAM',
  'VIBER_BOT',
  'FACEBOOK_POST',
  'INSTAGRAM_POST',
] as const;

const mediaTypes = ['IMAGE', 'DOCUMENT', 'VIDEO', 'AUDIO', 'FILE'] as const;

/**
 * Content types whose content Switchboard checks (the text, a media URL, a position); every other
 * content type Infobip lists (CONTACT, TEMPLATE, INTERACTIVE, …) is stored as the object sent.
 */
export const contentTypeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'must be an Infobip content type in capitals, e.g. TEXT, IMAGE, LOCATION');

export const contentSchema = z.record(z.string(), z.unknown());
export type MessageContent = z.infer<typeof contentSchema>;

/** What must be in `content` for the content types with a fixed shape; null when it fits. */
export function contentProblem(contentType: string, content: MessageContent): string | null {
  if (contentType === 'TEXT') {
    const text = content.text;
    if (typeof text !== 'string' || text.length === 0)
      return 'content.text must be a non-empty string for TEXT';
    if (text.length > 20_000) return 'content.text must be at most 20000 characters';
  }
  if ((mediaTypes as readonly string[]).includes(contentType) && typeof content.url !== 'string') {
    return `content.url must be the file's URL for ${contentType}`;
  }
  if (
    contentType === 'LOCATION' &&
    (typeof content.latitude !== 'number' || typeof content.longitude !== 'number')
  ) {
    return 'content.latitude and content.longitude must be numbers for LOCATION';
  }
  return null;
}

/** The words trackers and entities are looked for in: the text, else a caption, subject or e-mail body. */
export function searchableText(content: MessageContent): string {
  for (const key of ['text', 'caption', 'contentText', 'subject']) {
    const value = content[key];
    if (typeof value === 'string') return value;
  }
  return '';
}
