import { testDatabaseKinds } from '@switchboard/db/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Method, operationOf, referenceOperations } from './contract/infobip-reference';
import { launchChromium } from './support/chromium';
import { send, startTestApi, type TestApi } from './support/test-api';

// Every seed path with the methods its seed gives it (Sharely, Symbl, Infobip), plus ours.
const seedOperations: Record<string, string[]> = {
  '/workspaces/{workspaceId}/generate-access-key-token': ['post'],
  '/v1/workspaces': ['get', 'post'],
  '/v1/workspaces/{workspaceId}': ['get'],
  '/v1/workspaces/{workspaceId}/spaces': ['get', 'post'],
  '/v1/workspaces/{workspaceId}/spaces/{spaceId}': ['get'],
  '/v1/workspaces/{workspaceId}/spaces/{spaceId}/group': ['post'],
  '/v1/workspaces/{workspaceId}/spaces/{spaceId}/groups': ['get'],
  '/v1/api-keys': ['get', 'post'],
  '/v1/api-keys/{apiKeyId}': ['delete'],
  '/admin/organizations': ['post'],
  '/v1/manage/group': ['post'],
  '/v1/manage/groups': ['get', 'post'],
  '/v1/manage/group/{groupId}': ['delete', 'get', 'put'],
  '/v1/groups/{groupId}/conversations': ['get'],
  '/v1/manage/entity': ['delete', 'post'],
  '/v1/manage/entities': ['get', 'post'],
  '/v1/manage/tracker': ['post'],
  '/v1/manage/trackers': ['get', 'post'],
  '/v1/manage/settings': ['get', 'patch'],
  '/ccaas/1/conversations': ['get', 'post'],
  '/ccaas/1/conversations/{conversationId}': ['get', 'patch', 'put'],
  '/ccaas/1/conversations/{conversationId}/route': ['post'],
  '/ccaas/1/conversations/{conversationId}/tags': ['get', 'post'],
  '/ccaas/1/conversations/{conversationId}/tags/{tagName}': ['delete'],
  '/ccaas/1/conversations/{conversationId}/metadata': ['get', 'put'],
  '/ccaas/1/conversations/{conversationId}/assignee': ['delete', 'put'],
  '/ccaas/1/conversations/{conversationId}/messages': ['get', 'post'],
  '/ccaas/1/conversations/{conversationId}/history': ['get'],
  '/ccaas/1/tags': ['get'],
  '/ccaas/1/tags/{tagName}': ['delete'],
  '/ccaas/1/queues': ['get'],
  '/ccaas/1/agents': ['get'],
  '/ccaas/1/routing': ['get', 'put'],
};
// What the docs page must show, at least: the Sharely flow this suite's routers serve.
const shownPaths = [
  '/workspaces/{workspaceId}/generate-access-key-token',
  '/v1/workspaces/{workspaceId}/spaces/{spaceId}/group',
  '/v1/manage/group',
  '/ccaas/1/conversations',
];

type OpenApiParameter = {
  in: string;
  name: string;
  required?: boolean;
  description?: string;
  'x-switchboard-extension'?: boolean;
};
type OpenApiOperation = {
  operationId?: string;
  summary?: string;
  description?: string;
  responses?: Record<string, unknown>;
  parameters?: OpenApiParameter[];
  requestBody?: {
    content?: Record<string, { schema?: { items?: { properties?: Record<string, unknown> } } }>;
  };
  'x-switchboard-extension'?: boolean;
};

/**
 * Parameters of Infobip's document that Switchboard does not take yet (issue 12): they are left
 * out of /openapi.json rather than documented and ignored. Taking one moves it off this list.
 */
const parametersNotTakenYet: string[] = [];
const isExtension = (node: { description?: string; 'x-switchboard-extension'?: boolean } | undefined) =>
  node?.['x-switchboard-extension'] === true && (node.description ?? '').startsWith('Switchboard extension');
type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> };
};
const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every `$ref` in the document, to check that each one resolves. */
function collectRefs(value: unknown, refs: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) collectRefs(item, refs);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') refs.push(item);
      else collectRefs(item, refs);
    }
  }
  return refs;
}

const resolvePointer = (document: unknown, ref: string): unknown =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);

describe.each(testDatabaseKinds())('OpenAPI document and docs page on %s', (kind) => {
  let api: TestApi;
  let document: OpenApiDocument;
  beforeAll(async () => {
    api = await startTestApi(kind);
    const res = await send(`${api.url}/openapi.json`, {});
    expect(res.status).toBe(200);
    document = res.body;
  });
  afterAll(() => api.close());

  test('/openapi.json is a well-formed OpenAPI 3 document', () => {
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    const operationIds = new Set<string>();
    for (const [path, item] of Object.entries(document.paths)) {
      expect(path).toMatch(/^\//);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      for (const [method, operation] of Object.entries(item)) {
        expect(httpMethods, `${method} ${path}`).toContain(method);
        expect(Object.keys(operation.responses ?? {}).length, `${method} ${path} responses`).toBeGreaterThan(
          0,
        );
        if (operation.operationId) {
          expect(operationIds.has(operation.operationId), operation.operationId).toBe(false);
          operationIds.add(operation.operationId);
        }
        // Every templated segment is a required path parameter, and nothing else is in the path.
        const pathParams = (operation.parameters ?? []).filter((p) => p.in === 'path');
        expect(pathParams.map((p) => p.name).sort(), `${method} ${path}`).toEqual([...templated].sort());
        for (const param of pathParams) expect(param.required).toBe(true);
      }
    }
    for (const ref of collectRefs(document)) {
      expect(ref).toMatch(/^#\//);
      expect(resolvePointer(document, ref), ref).toBeDefined();
    }
  });

  test('every operation has a summary and every parameter a description', () => {
    const missing: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!operation.summary?.trim()) missing.push(`${method} ${path}: summary`);
        for (const param of operation.parameters ?? []) {
          if (!param.description?.trim())
            missing.push(`${method} ${path}: ${param.in} parameter ${param.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  test("Infobip's operations carry the document's summary, description and parameter descriptions; Switchboard's additions are marked", () => {
    const problems: string[] = [];
    const notTaken: string[] = [];
    const documented = new Set(referenceOperations());
    for (const [path, item] of Object.entries(document.paths)) {
      if (!path.startsWith('/ccaas/')) continue;
      for (const [method, operation] of Object.entries(item)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (!documented.has(name)) {
          if (!isExtension(operation)) problems.push(`${name}: not in the document, not marked an extension`);
          continue;
        }
        const reference = operationOf(method as Method, path) as {
          summary: string;
          description: string;
          parameters?: OpenApiParameter[];
        };
        if (operation.summary !== reference.summary) problems.push(`${name}: summary "${operation.summary}"`);
        if (operation.description !== reference.description) problems.push(`${name}: description`);
        if (operation['x-switchboard-extension'])
          problems.push(`${name}: in the document, marked an extension`);
        const referenceParameters = reference.parameters ?? [];
        for (const parameter of operation.parameters ?? []) {
          const own = referenceParameters.find((p) => p.name === parameter.name && p.in === parameter.in);
          const label = `${name}: ${parameter.in} parameter ${parameter.name}`;
          if (own && parameter.description !== own.description) problems.push(`${label}: description`);
          if (own && parameter['x-switchboard-extension']) problems.push(`${label}: marked an extension`);
          if (!own && !isExtension(parameter)) problems.push(`${label}: Switchboard's, not marked`);
        }
        for (const parameter of referenceParameters) {
          const taken = operation.parameters?.some((p) => p.name === parameter.name && p.in === parameter.in);
          if (!taken) notTaken.push(`${name} ${parameter.in} ${parameter.name}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(notTaken.sort()).toEqual(parametersNotTakenYet);

    // The extensions the issue names, marked where they apply.
    const parameter = (method: string, path: string, name: string) =>
      document.paths[path]?.[method]?.parameters?.find((p) => p.name === name);
    expect(isExtension(parameter('get', '/ccaas/1/conversations', 'criteria'))).toBe(true);
    expect(isExtension(parameter('patch', '/ccaas/1/conversations/{conversationId}', 'If-Match'))).toBe(true);
    expect(isExtension(parameter('post', '/ccaas/1/conversations', 'Idempotency-Key'))).toBe(true);
    const rule = document.paths['/ccaas/1/routing']?.put?.requestBody?.content?.['application/json']?.schema;
    expect(isExtension(rule?.items?.properties?.criteria as OpenApiParameter)).toBe(true);
  });

  test('no integer is unbounded below (Swagger UI shows the minimum as the example value)', () => {
    const unbounded: string[] = [];
    const visit = (node: unknown, at: string) => {
      if (Array.isArray(node)) {
        for (const [index, item] of node.entries()) visit(item, `${at}/${index}`);
      } else if (node && typeof node === 'object') {
        const schema = node as Record<string, unknown>;
        if (
          schema.type === 'integer' &&
          (schema.minimum ?? Number.MIN_SAFE_INTEGER) === Number.MIN_SAFE_INTEGER
        ) {
          unbounded.push(at);
        }
        for (const [key, item] of Object.entries(schema)) visit(item, `${at}/${key}`);
      }
    };
    visit(document, '#');
    expect(unbounded).toEqual([]);
  });

  test('it lists the seed paths with their methods', () => {
    for (const [path, methods] of Object.entries(seedOperations)) {
      expect(Object.keys(document.paths), path).toContain(path);
      expect(Object.keys(document.paths[path] ?? {}), path).toEqual(expect.arrayContaining(methods));
    }
  });

  test('errors are documented as the adapter answers them: { error, message }', () => {
    const unauthorized = document.components?.schemas?.['error.UNAUTHORIZED'];
    expect(Object.keys(unauthorized?.properties ?? {})).toEqual(expect.arrayContaining(['error', 'message']));
  });

  test('/docs renders Swagger UI in headless Chromium with no request beyond localhost', async () => {
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      // Swagger UI only lays out the sections in view (past about ten operations it waits for the
      // window to reach them): a window tall enough to hold every section shows them all.
      const context = await browser.newContext({ viewport: { width: 1280, height: 40_000 } });
      const foreign: string[] = [];
      const local: string[] = [];
      // Every request the page makes passes here; anything not for our server is recorded and refused.
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === '127.0.0.1') {
          local.push(url.pathname);
          return route.continue();
        }
        foreign.push(route.request().url());
        return route.abort();
      });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));

      const response = await page.goto(`${api.url}/docs`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      await page.locator('.opblock-summary-path').first().waitFor({ timeout: 30_000 });
      const operations = Object.values(document.paths).reduce(
        (sum, item) => sum + Object.keys(item).length,
        0,
      );
      await expect
        .poll(() => page.locator('.opblock-summary-path').count(), { timeout: 30_000 })
        .toBe(operations);
      const shown = await page.locator('.opblock-summary-path').allTextContents();
      // Swagger UI breaks long paths with zero-width spaces.
      const shownText = shown.map((text) => text.replace(/\u200b/g, '').trim());
      for (const path of shownPaths) expect(shownText).toContain(path);
      expect(shownText.length).toBe(operations);
      expect(await page.locator('.info .title').first().textContent()).toContain('Switchboard API');

      expect(local).toEqual(expect.arrayContaining(['/docs', '/openapi.json']));
      expect(foreign).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await browser?.close();
    }
  });
});
