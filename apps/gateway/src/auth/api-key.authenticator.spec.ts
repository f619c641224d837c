import { ipAllowed } from './api-key.authenticator';

describe('ipAllowed', () => {
  it('allows everyone without a whitelist', () => {
    expect(ipAllowed([], '203.0.113.1')).toBe(true);
  });

  it.each([
    [['203.0.113.1'], '203.0.113.1', true],
    [['203.0.113.1'], '203.0.113.2', false],
    [['198.51.100.0/24'], '198.51.100.255', true],
    [['198.51.100.0/24'], '198.51.101.0', false],
    [['2001:db8::/32'], '2001:db8:ffff::1', true],
    [['2001:db8::/32'], '2001:db9::1', false],
    [['198.51.100.0/24'], '::ffff:198.51.100.9', true],
    [['not-an-address'], '198.51.100.9', false],
  ])('%j allows %s: %s', (whitelist, ip, expected) => {
    expect(ipAllowed(whitelist, ip)).toBe(expected);
  });
});
