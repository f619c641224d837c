import { Inject, Injectable } from '@nestjs/common';

import type { LanguageSyncOperation } from '@lib/contracts';

/**
 * One kind of tenant content whose translations follow the tenant's languages: `add` prepares an
 * (empty) translation per entity, `remove` drops the language's translations.
 */
export interface TranslatableKind {
  name: string;
  count(tenantId: string): Promise<number>;
  /** Processes up to `batchSize` entities after `offset`; answers how many it processed. */
  syncBatch(tenantId: string, operation: LanguageSyncOperation, languageCode: string, offset: number, batchSize: number): Promise<number>;
}

export const TRANSLATABLE_KINDS = Symbol('TRANSLATABLE_KINDS');

/**
 * Spaces, resources, categories and tags are the translatable kinds, but none of their modules is
 * built yet, so the list is empty and every job completes with 0 of 0 entities. Each module adds its
 * kind here when it lands; the runner needs no change.
 */
export const translatableKinds: TranslatableKind[] = [];

export interface SyncTarget {
  tenantId: string;
  operation: LanguageSyncOperation;
  languageCode: string;
}

const BATCH_SIZE = 200;

/** The processing step of a language sync job: every translatable kind, in batches, reporting progress. */
@Injectable()
export class TranslatableEntities {
  constructor(@Inject(TRANSLATABLE_KINDS) private readonly kinds: TranslatableKind[]) {}

  async sync(target: SyncTarget, onProgress: (processed: number, total: number) => Promise<void>): Promise<{ processed: number; total: number }> {
    const counts = await Promise.all(this.kinds.map((kind) => kind.count(target.tenantId)));
    const total = counts.reduce((sum, count) => sum + count, 0);
    let processed = 0;
    await onProgress(processed, total);
    for (const [index, kind] of this.kinds.entries()) {
      for (let offset = 0; offset < counts[index]; ) {
        const done = await kind.syncBatch(target.tenantId, target.operation, target.languageCode, offset, BATCH_SIZE);
        if (done === 0) break;
        offset += done;
        processed += done;
        await onProgress(processed, total);
      }
    }
    return { processed, total };
  }
}
