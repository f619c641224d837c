import type { FileDownload, TenantApiBody, TenantBody } from '@lib/contracts';

import type { TenantEntity } from '../tenants/tenant.entity';
import { toTenantBody } from '../tenants/tenant.mapper';

export type ApiEndpoints = TenantApiBody;

/** Settings keys that may hold credentials: exports and views replace their values. */
const SECRET_KEY = /pass(word)?|secret|token|api[-_]?key|private|credential/i;
export const REDACTED = '[redacted]';

/** Settings are free-form: any value under a key that looks like a credential is replaced, at every depth. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, SECRET_KEY.test(key) ? REDACTED : redactSecrets(inner)]),
  );
}

/** The tenant as GET tenant shows it, with credential-like settings redacted. */
export function exportedTenant(tenant: TenantEntity): TenantBody {
  return { ...toTenantBody(tenant), settings: redactSecrets(tenant.settings) as Record<string, unknown> };
}

/** `.env` lines for a client of the tenant. No secret: the API key line stays empty for the developer to fill. */
export function tenantEnvFile(tenant: TenantEntity, api: ApiEndpoints, exportedAt: Date): FileDownload {
  const variables: [string, string][] = [
    ['PLATFORM_API_URL', api.base_url],
    ['PLATFORM_API_DOCS_URL', api.docs_url],
    ['PLATFORM_TENANT_ID', tenant.id],
    ['PLATFORM_TENANT_NAME', tenant.name],
    ['PLATFORM_TENANT_SLUG', tenant.slug],
    ['PLATFORM_TENANT_DOMAIN', tenant.domain],
    ['PLATFORM_TENANT_TYPE', tenant.type],
    ['PLATFORM_TENANT_STATUS', tenant.status],
    ['PLATFORM_DEFAULT_LANGUAGE', tenant.defaultLanguage],
    ['PLATFORM_ADDITIONAL_LANGUAGES', tenant.additionalLanguages.join(',')],
    ['PLATFORM_LOG_RETENTION_DAYS', String(tenant.logRetentionDays)],
    ['PLATFORM_STORAGE_DISTRIBUTION_STRATEGY', tenant.storageDistributionStrategy],
  ];
  const lines = [
    `# Configuration of tenant ${envValue(tenant.name)}, exported ${exportedAt.toISOString()}`,
    '# Holds no secrets: create an API key for the tenant and set PLATFORM_API_KEY yourself.',
    ...variables.map(([name, value]) => `${name}=${envValue(value)}`),
    'PLATFORM_API_KEY=',
  ];
  return { filename: `${tenant.slug}.env`, content: `${lines.join('\n')}\n` };
}

/** The same configuration as one JSON document (pretty-printed for people). */
export function tenantJsonFile(tenant: TenantEntity, api: ApiEndpoints, exportedAt: Date): FileDownload {
  const document = {
    exported_at: exportedAt.toISOString(),
    tenant: exportedTenant(tenant),
    api,
    configuration: {
      log_retention_days: tenant.logRetentionDays,
      storage_distribution_strategy: tenant.storageDistributionStrategy,
      storage_fallback_chain: tenant.storageFallbackChain,
    },
  };
  return { filename: `${tenant.slug}-config.json`, content: `${JSON.stringify(document, null, 2)}\n` };
}

/** Plain when safe, otherwise double-quoted with `\`, `"`, `$` and line breaks escaped (dotenv syntax). */
export function envValue(value: string): string {
  if (/^[A-Za-z0-9_.,:/@+-]*$/.test(value)) return value;
  const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  return `"${escaped}"`;
}
