import { tenantRow } from '../tenants/testing/tenant.factory';
import { envValue, REDACTED, redactSecrets, tenantEnvFile, tenantJsonFile } from './tenant-exports';

const api = { base_url: 'https://api.example.com/api/v1', docs_url: 'https://api.example.com/api/docs', version: 'v1' };
const at = new Date('2026-03-01T10:00:00.000Z');

describe('tenant exports', () => {
  const tenant = tenantRow({
    name: 'Acme "Labs"\nGmbH',
    additionalLanguages: ['de', 'fr'],
    settings: { theme: 'dark', smtp: { host: 'mail', password: 'hunter2' }, apiKey: 'k-1', webhooks: [{ secret: 's' }] },
  });

  it('writes a .env file named by slug, with every value parseable and an empty API key line', () => {
    const file = tenantEnvFile(tenant, api, at);
    expect(file.filename).toBe('acme.env');
    const lines = file.content.trimEnd().split('\n');
    expect(lines).toContain('PLATFORM_API_URL=https://api.example.com/api/v1');
    expect(lines).toContain(`PLATFORM_TENANT_ID=${tenant.id}`);
    expect(lines).toContain('PLATFORM_TENANT_NAME="Acme \\"Labs\\"\\nGmbH"');
    expect(lines).toContain('PLATFORM_ADDITIONAL_LANGUAGES=de,fr');
    expect(lines[lines.length - 1]).toBe('PLATFORM_API_KEY=');
    expect(file.content).not.toContain('hunter2');
  });

  it('writes a JSON file with the tenant, its API and configuration, secrets redacted', () => {
    const file = tenantJsonFile(tenant, api, at);
    expect(file.filename).toBe('acme-config.json');
    const document = JSON.parse(file.content);
    expect(document).toMatchObject({ exported_at: at.toISOString(), api, tenant: { id: tenant.id, additional_languages: ['de', 'fr'] } });
    expect(document.tenant.settings).toEqual({ theme: 'dark', smtp: { host: 'mail', password: REDACTED }, apiKey: REDACTED, webhooks: [{ secret: REDACTED }] });
    expect(document.configuration).toEqual({ log_retention_days: 90, storage_distribution_strategy: 'sequential', storage_fallback_chain: [] });
    expect(file.content).not.toMatch(/hunter2|k-1/);
  });

  it('quotes only what needs quoting', () => {
    expect(envValue('acme.e2e.test')).toBe('acme.e2e.test');
    expect(envValue('')).toBe('');
    expect(envValue('a b')).toBe('"a b"');
    expect(envValue('$HOME\\x')).toBe('"\\$HOME\\\\x"');
  });

  it('leaves settings without credentials as they are', () => {
    expect(redactSecrets({ a: 1, b: [1, { c: null }] })).toEqual({ a: 1, b: [1, { c: null }] });
  });
});
