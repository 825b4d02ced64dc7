import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { AnyTRPCRouter } from '@trpc/server';
import express from 'express';
import type { Dialect } from '../dialects/dialect';
import { buildOpenApiDocument } from './openapi';

const require = createRequire(import.meta.url);
const swaggerUiDir = dirname(require.resolve('swagger-ui-dist/package.json'));

// Served from the installed swagger-ui-dist package: the page works offline, with no CDN.
const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Switchboard API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css" />
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>`;

const init = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

/** `/openapi.json` and the `/docs` page. */
export function docsRouter(router: AnyTRPCRouter, dialects: readonly Dialect[]): express.Router {
  const docs = express.Router();
  // Generated on first request, not at start-up: it walks every procedure's schemas (~150 ms of CPU).
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  docs.get('/openapi.json', (_req, res) => {
    document ??= buildOpenApiDocument(router, dialects);
    res.json(document);
  });
  docs.get('/docs', (_req, res) => {
    res.type('html').send(page);
  });
  docs.get('/docs/init.js', (_req, res) => {
    res.type('application/javascript').send(init);
  });
  docs.use('/docs/assets', express.static(swaggerUiDir, { index: false }));
  return docs;
}
