import { languageChanges } from './language-changes';

describe('languageChanges', () => {
  it('adds new languages and removes dropped ones', () => {
    expect(languageChanges(['de', 'fr'], ['fr', 'it', 'es'])).toEqual([
      { operation: 'add', languageCode: 'it' },
      { operation: 'add', languageCode: 'es' },
      { operation: 'remove', languageCode: 'de' },
    ]);
  });

  it('finds nothing when only the order or duplicates change', () => {
    expect(languageChanges(['de', 'fr'], ['fr', 'de', 'de'])).toEqual([]);
    expect(languageChanges([], [])).toEqual([]);
  });
});
