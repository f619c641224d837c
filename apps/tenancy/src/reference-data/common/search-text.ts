/** Lower case without diacritics, so that "zurich" finds "Zürich" and "cote" finds "Côte d'Ivoire". */
export function foldText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The folded search term, or undefined when the caller sent none (or only blanks). */
export function searchTerm(search: string | undefined): string | undefined {
  const term = search?.trim();
  return term ? foldText(term) : undefined;
}

/** One folded string of every text a row can be found by. */
export function searchableText(values: readonly (string | null | undefined)[]): string {
  return foldText(values.filter((v): v is string => typeof v === 'string' && v.length > 0).join('\u0000'));
}

/** `Åland Islands` → `Aland Islands`: the name with diacritics removed and anything else non-ASCII dropped. */
export function toAscii(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '');
}
