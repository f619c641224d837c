import type { LanguageChange } from './language-sync-jobs.repository';

/** The languages added and removed between two lists of a tenant's additional languages, in list order. */
export function languageChanges(before: readonly string[], after: readonly string[]): LanguageChange[] {
  const previous = new Set(before);
  const next = new Set(after);
  return [
    ...[...next].filter((code) => !previous.has(code)).map((languageCode) => ({ operation: 'add' as const, languageCode })),
    ...[...previous].filter((code) => !next.has(code)).map((languageCode) => ({ operation: 'remove' as const, languageCode })),
  ];
}
