import type { TenantBody, TenantLogRetentionResponse, TenantSummary } from '@lib/contracts';

import type { TenantEntity } from './tenant.entity';

export function toTenantBody(tenant: TenantEntity): TenantBody {
  return {
    id: tenant.id,
    name: tenant.name,
    slug: tenant.slug,
    domain: tenant.domain,
    status: tenant.status,
    description: tenant.description,
    type: tenant.type,
    contact_email: tenant.contactEmail,
    contact_phone: tenant.contactPhone,
    settings: tenant.settings,
    default_language: tenant.defaultLanguage,
    additional_languages: tenant.additionalLanguages,
    created_at: tenant.createdAt.toISOString(),
    updated_at: tenant.updatedAt.toISOString(),
  };
}

export function toTenantSummary(tenant: TenantEntity): TenantSummary {
  return {
    id: tenant.id,
    name: tenant.name,
    domain: tenant.domain,
    status: tenant.status,
    type: tenant.type,
    ownerUserId: tenant.ownerUserId,
    selfRegistration: tenant.settings?.['allow_self_registration'] === true,
  };
}

/** Until someone sets the policy, it dates from the tenant's creation. */
export function toLogRetentionBody(tenant: TenantEntity): TenantLogRetentionResponse['data'] {
  return {
    tenantId: tenant.id,
    retention_days: tenant.logRetentionDays as 30 | 60 | 90,
    created_at: tenant.createdAt.toISOString(),
    updated_at: (tenant.logRetentionUpdatedAt ?? tenant.createdAt).toISOString(),
  };
}
