import { Controller } from '@nestjs/common';

import {
  exportTenantEnv,
  exportTenantJson,
  getTenantDashboard,
  getTenantDeveloperConfig,
  getTenantInfo,
  getTenantLanguageSyncStatus,
  getTenantOauthRedirectUris,
  getTenantTranslationCoverage,
  listTenantLanguageSyncHistory,
  type DeveloperConfigResponse,
  type FileDownload,
  type LanguageSyncHistoryResponse,
  type LanguageSyncStatusResponse,
  type TenantDashboardResponse,
  type TenantInfoResponse,
  type TenantOauthRedirectUrisResponse,
  type TranslationCoverageResponse,
} from '@lib/contracts';
import { Handles, type RequestOf } from '@lib/transport';

import { TenantOverviewService } from './tenant-overview.service';

@Controller()
export class TenantOverviewHandler {
  constructor(private readonly overview: TenantOverviewService) {}

  @Handles(getTenantDashboard)
  dashboard(request: RequestOf<typeof getTenantDashboard>): Promise<TenantDashboardResponse> {
    return this.overview.dashboard(request.context, request.params.id);
  }

  @Handles(getTenantDeveloperConfig)
  developerConfig(request: RequestOf<typeof getTenantDeveloperConfig>): Promise<DeveloperConfigResponse> {
    return this.overview.developerConfig(request.context, request.params.id);
  }

  @Handles(exportTenantEnv)
  exportEnv(request: RequestOf<typeof exportTenantEnv>): Promise<FileDownload> {
    return this.overview.exportEnv(request.context, request.params.id);
  }

  @Handles(getTenantInfo)
  info(request: RequestOf<typeof getTenantInfo>): Promise<TenantInfoResponse> {
    return this.overview.info(request.context, request.params.id);
  }

  @Handles(exportTenantJson)
  exportJson(request: RequestOf<typeof exportTenantJson>): Promise<FileDownload> {
    return this.overview.exportJson(request.context, request.params.id);
  }

  @Handles(getTenantLanguageSyncStatus)
  languageSyncStatus(request: RequestOf<typeof getTenantLanguageSyncStatus>): Promise<LanguageSyncStatusResponse> {
    return this.overview.languageSyncStatus(request.context, request.params.id, request.query.jobId);
  }

  @Handles(listTenantLanguageSyncHistory)
  languageSyncHistory(request: RequestOf<typeof listTenantLanguageSyncHistory>): Promise<LanguageSyncHistoryResponse> {
    return this.overview.languageSyncHistory(request.context, request.params.id, request.query);
  }

  @Handles(getTenantOauthRedirectUris)
  oauthRedirectUris(request: RequestOf<typeof getTenantOauthRedirectUris>): Promise<TenantOauthRedirectUrisResponse> {
    return this.overview.oauthRedirectUris(request.context, request.params.id);
  }

  @Handles(getTenantTranslationCoverage)
  translationCoverage(request: RequestOf<typeof getTenantTranslationCoverage>): Promise<TranslationCoverageResponse> {
    return this.overview.translationCoverage(request.context, request.params.id);
  }
}
