import type { LanguageSyncJobBody } from '@lib/contracts';

import type { LanguageSyncJobEntity } from './language-sync-job.entity';

export function toLanguageSyncJobBody(job: LanguageSyncJobEntity): LanguageSyncJobBody {
  return {
    id: job.id,
    tenantId: job.tenantId,
    operation: job.operation,
    language_code: job.languageCode,
    status: job.status,
    entities_processed: job.entitiesProcessed,
    entities_total: job.entitiesTotal,
    errors: job.errors,
    started_at: job.startedAt?.toISOString() ?? null,
    completed_at: job.completedAt?.toISOString() ?? null,
    created_at: job.createdAt.toISOString(),
    updated_at: job.updatedAt.toISOString(),
  };
}
