import { Inject, Injectable } from '@nestjs/common';

import type {
  DeveloperConfigResponse,
  FileDownload,
  LanguageSyncHistoryQuery,
  LanguageSyncHistoryResponse,
  LanguageSyncStatusResponse,
  RequestContext,
  TenantAdminBody,
  TenantConfigurationCounts,
  TenantDashboardResponse,
  TenantInfoResponse,
  TenantMemberStats,
  TenantOauthRedirectUrisResponse,
  TranslationCoverageResponse,
} from '@lib/contracts';
import { SERVICE_ENV } from '@lib/transport';

import type { TenancyEnv } from '../config';
import { LanguageSyncService } from '../language-sync/language-sync.service';
import type { TenantEntity } from '../tenants/tenant.entity';
import { toTenantBody } from '../tenants/tenant.mapper';
import { TenantsService } from '../tenants/tenants.service';
import { ApiUsageRepository } from './api-usage.repository';
import { PeerServicesClient } from './peer-services.client';
import { storageUsage } from './storage-quota';
import { tenantEnvFile, tenantJsonFile, type ApiEndpoints } from './tenant-exports';
import { NOTHING_TRANSLATABLE, translationCoverage } from './translation-coverage';

/**
 * Read-only views of one tenant, for anyone who may see it (GET tenant's rule: another tenant's id
 * answers 404 like a missing one). Parts whose owning module is not built yet are computed from what
 * exists and say so where they are computed.
 */
@Injectable()
export class TenantOverviewService {
  constructor(
    private readonly apiUsage: ApiUsageRepository,
    @Inject(SERVICE_ENV) private readonly env: TenancyEnv,
    private readonly languageSync: LanguageSyncService,
    private readonly peers: PeerServicesClient,
    private readonly tenants: TenantsService,
  ) {}

  async dashboard(context: RequestContext, id: string): Promise<TenantDashboardResponse> {
    const tenant = await this.tenants.visible(context, id);
    const [members, apiRequests, activity, languageSync] = await Promise.all([
      this.peers.memberStats(context, id),
      this.apiUsage.last30Days(id),
      this.peers.recentActivity(context, id),
      this.languageSync.summary(id),
    ]);
    return {
      data: {
        tenant: toTenantBody(tenant),
        metrics: {
          users: { total: members.total, active: members.active, trend: trendPercent(members.joinedLast30d, members.joinedPrevious30d) },
          // The spaces and resources modules are not built yet: the tenant has none.
          spaces: { total: 0, active: 0 },
          resources: { total: 0 },
          apiRequests: { last30d: apiRequests },
        },
        // The storage service does not report usage yet, so nothing counts as used.
        storage: storageUsage(tenant.type, 0),
        recentActivity: activity,
        languageSync,
      },
    };
  }

  async info(context: RequestContext, id: string): Promise<TenantInfoResponse> {
    const tenant = await this.tenants.visible(context, id);
    const admin = adminOf(await this.peers.memberStats(context, id));
    const data = {
      tenant: toTenantBody(tenant),
      // The catalogue's admin is an object: left out for a tenant without owner or admin.
      ...(admin ? { admin } : {}),
      api: this.apiEndpoints(),
      // Groups and spaces modules are not built yet: the tenant has none.
      groups: [],
      spaces: [],
      configuration: configurationCounts(tenant),
    };
    return { data };
  }

  async developerConfig(context: RequestContext, id: string): Promise<DeveloperConfigResponse> {
    const tenant = await this.tenants.visible(context, id);
    const members = await this.peers.memberStats(context, id);
    return {
      data: {
        tenant: toTenantBody(tenant),
        admin: adminOf(members),
        api: this.apiEndpoints(),
        configuration: configurationCounts(tenant),
        domains: { primary: tenant.domain, custom: [], oauth_redirect_uris: oauthRedirectUris([]) },
      },
    };
  }

  async oauthRedirectUris(context: RequestContext, id: string): Promise<TenantOauthRedirectUrisResponse> {
    await this.tenants.visible(context, id);
    // Custom domains (and their verification) belong to the domains module, which is not built yet, so
    // no tenant has a verified custom domain and the list is empty.
    return { data: { redirect_uris: oauthRedirectUris([]) } };
  }

  async translationCoverage(context: RequestContext, id: string): Promise<TranslationCoverageResponse> {
    await this.tenants.visible(context, id);
    // Spaces, resources, categories and tags have no tables yet: each kind counts 0 of 0.
    const none = NOTHING_TRANSLATABLE;
    return { data: translationCoverage({ spaces: none, resources: none, categories: none, tags: none }) };
  }

  async languageSyncStatus(context: RequestContext, id: string, jobId: string | undefined): Promise<LanguageSyncStatusResponse> {
    await this.tenants.visible(context, id);
    return { data: jobId ? await this.languageSync.job(id, jobId) : await this.languageSync.recent(id) };
  }

  async languageSyncHistory(context: RequestContext, id: string, query: LanguageSyncHistoryQuery): Promise<LanguageSyncHistoryResponse> {
    await this.tenants.visible(context, id);
    return this.languageSync.history(id, query);
  }

  async exportEnv(context: RequestContext, id: string): Promise<FileDownload> {
    return tenantEnvFile(await this.tenants.visible(context, id), this.apiEndpoints(), new Date());
  }

  async exportJson(context: RequestContext, id: string): Promise<FileDownload> {
    return tenantJsonFile(await this.tenants.visible(context, id), this.apiEndpoints(), new Date());
  }

  private apiEndpoints(): ApiEndpoints {
    const origin = this.env.PUBLIC_API_URL.replace(/\/+$/, '');
    return { base_url: `${origin}/api/v1`, docs_url: `${origin}/api/docs`, version: 'v1' };
  }
}

/** Change of members joined in the last 30 days against the 30 before, in whole percent (100 from none). */
export function trendPercent(current: number, previous: number): number {
  if (previous === 0) return current > 0 ? 100 : 0;
  return Math.round(((current - previous) / previous) * 100);
}

/** HTTPS callback per verified custom domain. */
export function oauthRedirectUris(verifiedDomains: readonly string[]): string[] {
  return verifiedDomains.map((domain) => `https://${domain}/auth/v1/callback`);
}

function adminOf(members: TenantMemberStats): TenantAdminBody | null {
  const admin = members.admin;
  return admin && { id: admin.id, email: admin.email, display_name: admin.displayName, created_at: admin.createdAt };
}

/** Groups, spaces and custom domains count 0: their modules are not built yet. */
function configurationCounts(tenant: TenantEntity): TenantConfigurationCounts {
  return {
    additional_languages: tenant.additionalLanguages.length,
    settings: Object.keys(tenant.settings).length,
    groups: 0,
    spaces: 0,
    custom_domains: 0,
  };
}
