import { z } from 'zod';
import type { DialectOperation, RestRequest } from '../dialect';

interface Exchanged {
  token: string;
  expiresInSeconds: number;
}

/**
 * `POST /oauth2/token:generate`: `{ type: "application", appId, appSecret }` →
 * `{ accessToken, expiresIn }`. The app id is an API key's id, the app secret the key itself.
 * Other body keys (the Go SDK's `AuthURI`) are ignored.
 */
export const authOperations: DialectOperation[] = [
  {
    method: 'POST',
    path: '/oauth2/token:generate',
    summary: "Trade an app id (an API key's id) and app secret (the key) for a 24-hour access token",
    tags: ['Auth (Symbl)'],
    procedure: 'apiKeys.exchangeAppCredentials',
    input: ({ body }: RestRequest) => body,
    present: ({ token, expiresInSeconds }: Exchanged) => ({
      accessToken: token,
      expiresIn: expiresInSeconds,
    }),
    body: z.object({ type: z.literal('application'), appId: z.string(), appSecret: z.string() }),
    response: z.object({ accessToken: z.string(), expiresIn: z.number().int().min(1) }),
  },
];
