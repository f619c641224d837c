import { preferredLanguage, tenantHint } from './request-context';

describe('preferredLanguage', () => {
  it.each([
    ['de-CH,de;q=0.9,en;q=0.8', 'de'],
    ['en;q=0.5, fr;q=0.9', 'fr'],
    ['FR-ca', 'fr'],
    ['*', null],
    ['de;q=0', null],
    [undefined, null],
  ])('%s → %s', (header, expected) => {
    expect(preferredLanguage(header)).toBe(expected);
  });
});

describe('tenantHint', () => {
  it('takes one uuid from X-Tenant-ID, lower-cased', () => {
    expect(tenantHint('0B5E7C3A-9D1F-4C2E-8A6B-1F2E3D4C5B6A')).toBe('0b5e7c3a-9d1f-4c2e-8a6b-1f2e3d4c5b6a');
  });

  it.each([undefined, '', 'acme', '0b5e7c3a-9d1f-4c2e-8a6b-1f2e3d4c5b6a, 0b5e7c3a-9d1f-4c2e-8a6b-1f2e3d4c5b6b', ['a', 'b']])('ignores %p', (header) => {
    expect(tenantHint(header as string | string[] | undefined)).toBeNull();
  });
});
