import type { CreatedOrganization } from './services/organizations';

/**
 * What `npm start` prints once the API listens: its URL and docs, and on a first start without
 * BOOTSTRAP_API_KEY the generated owner key as a line to paste into the shell (the README's
 * examples use `$KEY`). The key is shown only here; the database keeps its hash.
 */
export function welcomeText(options: { port: number; generated: CreatedOrganization | undefined }): string {
  const url = `http://localhost:${options.port}`;
  const lines = ['', `Switchboard API on ${url}  (docs: ${url}/docs, OpenAPI: ${url}/openapi.json)`];
  const { generated } = options;
  if (generated) {
    lines.push(
      '',
      'First start: created an organization with a workspace and an owner API key, shown only this once.',
      'To use it from this shell (the README examples read $KEY):',
      '',
      `export KEY=${generated.apiKey.key}`,
      '',
      `Organization ${generated.organization.id}, workspace ${generated.workspace.id}. Send the key as`,
      '"x-api-key: $KEY". Set BOOTSTRAP_API_KEY before the first start to choose the key yourself.',
    );
  }
  return `${lines.join('\n')}\n\n`;
}
