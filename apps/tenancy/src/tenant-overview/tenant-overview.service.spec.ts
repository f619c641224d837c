import { DomainError, type TenantMemberStats } from '@lib/contracts';

import type { TenancyEnv } from '../config';
import type { LanguageSyncService } from '../language-sync/language-sync.service';
import { contextOf, member, owner, strictMock, TENANT_A, TENANT_B, tenantRow } from '../tenants/testing/tenant.factory';
import { tenantNotFound } from '../tenants/tenant-access';
import type { TenantsService } from '../tenants/tenants.service';
import type { ApiUsageRepository } from './api-usage.repository';
import type { PeerServicesClient } from './peer-services.client';
import { STORAGE_LIMIT_BYTES } from './storage-quota';
import { oauthRedirectUris, TenantOverviewService, trendPercent } from './tenant-overview.service';

const stats: TenantMemberStats = {
  total: 4,
  active: 3,
  joinedLast30d: 3,
  joinedPrevious30d: 2,
  admin: { id: 'u-1', email: 'owner@acme.test', displayName: 'Owner', createdAt: '2026-01-01T00:00:00.000Z' },
};

describe('TenantOverviewService', () => {
  let tenants: jest.Mocked<TenantsService>;
  let peers: jest.Mocked<PeerServicesClient>;
  let apiUsage: jest.Mocked<ApiUsageRepository>;
  let languageSync: jest.Mocked<LanguageSyncService>;
  let service: TenantOverviewService;

  beforeEach(() => {
    tenants = strictMock<TenantsService>({
      visible: jest.fn(async (context, id: string) => {
        if (context.actor?.tenantId !== id) throw tenantNotFound();
        return tenantRow({ id, type: 'paid', additionalLanguages: ['de'], settings: { theme: 'dark' } });
      }),
    });
    peers = strictMock<PeerServicesClient>({ memberStats: jest.fn(async () => stats), recentActivity: jest.fn(async () => []) });
    apiUsage = strictMock<ApiUsageRepository>({ last30Days: jest.fn(async () => 1234) });
    languageSync = strictMock<LanguageSyncService>({
      summary: jest.fn(async () => ({ activeJobs: 1, lastSync: null })),
      job: jest.fn(),
      recent: jest.fn(async () => []),
      history: jest.fn(),
    });
    const env = { PUBLIC_API_URL: 'https://api.example.com/' } as TenancyEnv;
    service = new TenantOverviewService(apiUsage, env, languageSync, peers, tenants);
  });

  it('answers every view of another tenant with the 404 of a missing one, asking no other service', async () => {
    const context = contextOf(owner(TENANT_B));
    const views = [
      service.dashboard(context, TENANT_A),
      service.info(context, TENANT_A),
      service.developerConfig(context, TENANT_A),
      service.oauthRedirectUris(context, TENANT_A),
      service.translationCoverage(context, TENANT_A),
      service.languageSyncStatus(context, TENANT_A, undefined),
      service.languageSyncHistory(context, TENANT_A, {}),
      service.exportEnv(context, TENANT_A),
      service.exportJson(context, TENANT_A),
    ];
    for (const view of views) await expect(view).rejects.toMatchObject({ status: 404, code: 'TENANT_NOT_FOUND' });
    expect(peers.memberStats).not.toHaveBeenCalled();
    expect(apiUsage.last30Days).not.toHaveBeenCalled();
  });

  it('builds the dashboard from identity, API usage, audit and language sync', async () => {
    const { data } = await service.dashboard(contextOf(member()), TENANT_A);
    expect(data.tenant.id).toBe(TENANT_A);
    expect(data.metrics).toEqual({
      users: { total: 4, active: 3, trend: 50 },
      spaces: { total: 0, active: 0 },
      resources: { total: 0 },
      apiRequests: { last30d: 1234 },
    });
    expect(data.storage).toEqual({ used: 0, limit: STORAGE_LIMIT_BYTES.paid, percent: 0 });
    expect(data.recentActivity).toEqual([]);
    expect(data.languageSync).toEqual({ activeJobs: 1, lastSync: null });
  });

  it('shows info with the admin (no credentials), the API and empty groups and spaces', async () => {
    const { data } = await service.info(contextOf(member()), TENANT_A);
    expect(data).toMatchObject({
      admin: { id: 'u-1', email: 'owner@acme.test', display_name: 'Owner', created_at: '2026-01-01T00:00:00.000Z' },
      api: { base_url: 'https://api.example.com/api/v1', docs_url: 'https://api.example.com/api/docs', version: 'v1' },
      groups: [],
      spaces: [],
    });
    expect(JSON.stringify(data)).not.toMatch(/password|hash/i);
  });

  it('leaves the admin out of info for a tenant without one', async () => {
    peers.memberStats.mockResolvedValue({ ...stats, admin: null });
    expect(await service.info(contextOf(member()), TENANT_A)).not.toHaveProperty('data.admin');
  });

  it('counts the configuration in the developer config', async () => {
    const { data } = await service.developerConfig(contextOf(member()), TENANT_A);
    expect(data.configuration).toEqual({ additional_languages: 1, settings: 1, groups: 0, spaces: 0, custom_domains: 0 });
    expect(data.domains).toEqual({ primary: 'acme', custom: [], oauth_redirect_uris: [] });
  });

  it('answers one job with jobId and the recent jobs without', async () => {
    languageSync.job.mockResolvedValue({ id: 'j' } as never);
    expect((await service.languageSyncStatus(contextOf(member()), TENANT_A, 'j')).data).toEqual({ id: 'j' });
    expect(languageSync.job).toHaveBeenCalledWith(TENANT_A, 'j');
    expect((await service.languageSyncStatus(contextOf(member()), TENANT_A, undefined)).data).toEqual([]);
  });

  it('reports zero coverage while no translatable entities exist', async () => {
    const { data } = await service.translationCoverage(contextOf(member()), TENANT_A);
    expect(Object.values(data)).toEqual(Array(4).fill({ total: 0, translated: 0, percentage: 0 }));
  });

  it('fails the dashboard when identity cannot say who works in the tenant', async () => {
    peers.memberStats.mockRejectedValue(new DomainError('SERVICE_UNAVAILABLE', 503, 'down'));
    await expect(service.dashboard(contextOf(member()), TENANT_A)).rejects.toMatchObject({ status: 503 });
  });
});

describe('trendPercent', () => {
  it('is the change in whole percent, 100 from nothing and 0 for nothing to nothing', () => {
    expect(trendPercent(3, 2)).toBe(50);
    expect(trendPercent(1, 3)).toBe(-67);
    expect(trendPercent(2, 0)).toBe(100);
    expect(trendPercent(0, 0)).toBe(0);
  });
});

describe('oauthRedirectUris', () => {
  it('is the HTTPS callback of each verified domain', () => {
    expect(oauthRedirectUris(['app.acme.com'])).toEqual(['https://app.acme.com/auth/v1/callback']);
  });
});
