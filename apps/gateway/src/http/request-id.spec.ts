import type { IncomingMessage } from 'node:http';

import { requestIdOf } from './request-id';

const withHeader = (value?: string) => ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as IncomingMessage;

describe('requestIdOf', () => {
  it('keeps a sane client id', () => {
    expect(requestIdOf(withHeader('client-req-0001'))).toBe('client-req-0001');
  });

  it.each([undefined, 'short', 'has spaces in it', 'x'.repeat(129), 'semi;colon-000'])('replaces %p with a UUID', (value) => {
    expect(requestIdOf(withHeader(value))).toMatch(/^[0-9a-f-]{36}$/);
  });
});
