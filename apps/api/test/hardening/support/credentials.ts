import { hashSecret } from '../../../src/auth/secrets';
import { ADMIN_KEY, type TestApi } from '../../support/test-api';
import type { SeededTenant } from './tenant-seed';

/** Credentials that must all be refused, by how they are wrong. */
export interface BadCredential {
  name: string;
  headers: Record<string, string>;
}

export interface DeadSecrets {
  /** A key revoked after a token was made from it, and that token. */
  revokedKey: string;
  tokenOfRevokedKey: string;
  /** A token whose expiresAt was moved into the past. */
  expiredToken: string;
}

/** A revoked key (with a token made before revocation) and an expired token of A's. */
export async function makeDeadSecrets(api: TestApi): Promise<DeadSecrets> {
  const a = api.a;
  const created = await a.caller.apiKeys.create({ name: 'Soon revoked' });
  const tokenRes = await api.a.request(
    'POST',
    `/workspaces/${a.workspace.id}/generate-access-key-token`,
    {},
    { 'x-api-key': created.key },
  );
  if (tokenRes.status !== 200) throw new Error(`token for revoked key: ${tokenRes.status}`);
  await a.caller.apiKeys.revoke({ apiKeyId: created.id });

  const expired = await a.request('POST', `/workspaces/${a.workspace.id}/generate-access-key-token`, {});
  if (expired.status !== 200) throw new Error(`token to expire: ${expired.status}`);
  await api.db.prisma.accessToken.update({
    where: { hash: hashSecret(expired.body.token) },
    data: { expiresAt: new Date(Date.now() - 1000) },
  });
  return {
    revokedKey: created.key,
    tokenOfRevokedKey: tokenRes.body.token,
    expiredToken: expired.body.token,
  };
}

export function badCredentials(api: TestApi, seed: SeededTenant, dead: DeadSecrets): BadCredential[] {
  const key = api.a.apiKey.key;
  const flip = (text: string) => `${text.slice(0, -1)}${text.endsWith('A') ? 'B' : 'A'}`;
  const list: [string, Record<string, string>][] = [
    ['missing', {}],
    ['empty x-api-key', { 'x-api-key': '' }],
    ['blank x-api-key', { 'x-api-key': '   ' }],
    ['Bearer without token', { authorization: 'Bearer' }],
    ['Bearer and spaces', { authorization: 'Bearer    ' }],
    ['Basic x', { authorization: 'Basic x' }],
    ['Basic with the real key', { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` }],
    ['Token scheme with the real key', { authorization: `Token ${key}` }],
    ['key without a scheme', { authorization: key }],
    ['Bearer with two words', { authorization: `Bearer ${key} extra` }],
    ['App without key', { authorization: 'App' }],
    ['very long x-api-key', { 'x-api-key': 'k'.repeat(8_000) }],
    ['very long Bearer', { authorization: `Bearer ${'t'.repeat(8_000)}` }],
    ['wrong key', { 'x-api-key': 'sb_000000000000_wrongwrongwrongwrongwrongwrongwrongwrong' }],
    ['last character changed', { 'x-api-key': flip(key) }],
    ['key with a suffix', { 'x-api-key': `${key}x` }],
    ['key upper-cased', { 'x-api-key': key.toUpperCase() }],
    ['only the visible prefix', { 'x-api-key': api.a.apiKey.prefix }],
    ['the stored hash', { 'x-api-key': hashSecret(key) }],
    ['token with a suffix', { authorization: `Bearer ${seed.accessToken}x` }],
    ['expired token', { authorization: `Bearer ${dead.expiredToken}` }],
    ['expired token as x-api-key', { 'x-api-key': dead.expiredToken }],
    ['revoked key', { 'x-api-key': dead.revokedKey }],
    ['revoked key as App', { authorization: `App ${dead.revokedKey}` }],
    ['token of a revoked key', { authorization: `Bearer ${dead.tokenOfRevokedKey}` }],
    ['organizationid of another tenant', { 'x-api-key': key, organizationid: api.b.organization.id }],
    ['organizationid garbage', { 'x-api-key': key, organizationid: 'not-an-organization' }],
    ['organizationid empty', { 'x-api-key': key, organizationid: '' }],
    [
      'token with organizationid of another tenant',
      {
        authorization: `Bearer ${seed.accessToken}`,
        organizationid: api.b.organization.id,
      },
    ],
    ['operator key on an organization operation', { 'x-api-key': ADMIN_KEY }],
  ];
  return list.map(([name, headers]) => ({ name, headers }));
}
