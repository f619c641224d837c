import type { TranslationCoverage, TranslationCoverageResponse } from '@lib/contracts';

/** Coverage of one kind: the share of entities with at least one additional-language translation, rounded to a whole percent. */
export function coverageOf(total: number, translated: number): TranslationCoverage {
  const bounded = Math.min(Math.max(translated, 0), Math.max(total, 0));
  return { total: Math.max(total, 0), translated: bounded, percentage: total > 0 ? Math.round((bounded / total) * 100) : 0 };
}

export interface TranslatableCounts {
  total: number;
  translated: number;
}

/**
 * Spaces, resources, categories and tags are not built yet (no tables), so every kind counts 0 of 0;
 * when they land, their counts come in here and nothing else changes.
 */
export function translationCoverage(counts: Record<'spaces' | 'resources' | 'categories' | 'tags', TranslatableCounts>): TranslationCoverageResponse['data'] {
  return {
    spaces: coverageOf(counts.spaces.total, counts.spaces.translated),
    resources: coverageOf(counts.resources.total, counts.resources.translated),
    categories: coverageOf(counts.categories.total, counts.categories.translated),
    tags: coverageOf(counts.tags.total, counts.tags.translated),
  };
}

export const NOTHING_TRANSLATABLE: TranslatableCounts = { total: 0, translated: 0 };
