export const DEFAULT_LANGUAGE = 'en';

/**
 * The language of localized names: the `language` query wins over Accept-Language (the gateway
 * puts it into `context.locale`), then English. A language without localized names falls through
 * to the next choice instead of answering English names to a German browser.
 */
export function preferredLanguage(
  query: string | undefined,
  locale: string | null | undefined,
  isAvailable: (language: string) => boolean,
): string {
  for (const candidate of [query, locale]) {
    const language = primaryLanguage(candidate);
    if (language && isAvailable(language)) return language;
  }
  return DEFAULT_LANGUAGE;
}

/** `de-CH` → `de`; anything that is not a two-letter language → undefined. */
export function primaryLanguage(tag: string | null | undefined): string | undefined {
  const language = tag?.trim().split(/[-_]/)[0].toLowerCase();
  return language && /^[a-z]{2}$/.test(language) ? language : undefined;
}
