import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request a fake receiver got: headers, the raw body, when. */
export interface ReceivedRequest {
  headers: Record<string, string>;
  body: string;
  at: number;
}

/** How the receiver answers one request; the default is 200 "ok". */
export type ReceiverAnswer = (request: ReceivedRequest, res: ServerResponse) => void | Promise<void>;

export interface WebhookReceiver {
  url: string;
  port: number;
  received: ReceivedRequest[];
  /** Answers the next requests with this (until changed). */
  answerWith(answer: ReceiverAnswer): void;
  /** Stops listening (connections refused) until `start` again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** The received payloads verified as a receiver would, with the given secret(s). */
  verified(secret: string): unknown[];
}

export const answerStatus =
  (status: number, body = '', headers: Record<string, string> = {}): ReceiverAnswer =>
  (_request, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };

/** A webhook receiver over real HTTP on 127.0.0.1 (the outside world the API talks to). */
export async function startWebhookReceiver(port = 0): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  let answer: ReceiverAnswer = answerStatus(200, 'ok');
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: ReceivedRequest = {
      headers: Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)])),
      body: Buffer.concat(chunks).toString('utf8'),
      at: Date.now(),
    };
    received.push(request);
    await answer(request, res);
  };
  let server: Server | undefined;
  let boundPort = port;
  const start = async () => {
    server = createServer((req, res) => {
      handle(req, res).catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => server?.listen(boundPort, '127.0.0.1', resolve));
    boundPort = (server.address() as AddressInfo).port;
  };
  await start();
  return {
    get url() {
      return `http://127.0.0.1:${boundPort}/hooks`;
    },
    get port() {
      return boundPort;
    },
    received,
    answerWith(next) {
      answer = next;
    },
    start,
    stop: () =>
      new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    verified: (secret) =>
      received.map((request) => new Webhook(secret).verify(request.body, request.headers) as unknown),
  };
}
