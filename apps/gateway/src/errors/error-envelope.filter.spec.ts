import { Logger, NotFoundException, type ArgumentsHost } from '@nestjs/common';

import { DomainError, ErrorCode, endpoint } from '@lib/contracts';

import { RouteTable } from '../routing/route-table';
import { ErrorEnvelopeFilter } from './error-envelope.filter';

function render(exception: unknown, request = { id: 'req-00000001', method: 'GET', url: '/api/v1/x' }) {
  const reply = { headers: {} as Record<string, string>, status: 0, body: undefined as unknown };
  const fastifyReply = {
    header: (name: string, value: string) => ((reply.headers[name] = value), fastifyReply),
    status: (code: number) => ((reply.status = code), fastifyReply),
    send: (body: unknown) => ((reply.body = body), fastifyReply),
  };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => fastifyReply }) } as unknown as ArgumentsHost;
  const routes = new RouteTable([
    endpoint({ id: 'tenancy.countries.get', method: 'GET', path: '/api/v1/public/countries/{isoCode}', access: 'public', status: 200 }),
  ]);
  new ErrorEnvelopeFilter(routes, 1024).catch(exception, host);
  return reply;
}

describe('ErrorEnvelopeFilter', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));

  it('renders a domain error as the envelope with its code, status and request id', () => {
    const reply = render(new DomainError(ErrorCode.CountryNotFound, 404, 'No country XX.'));
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({
      error: 'COUNTRY_NOT_FOUND',
      message: 'No country XX.',
      statusCode: 404,
      requestId: 'req-00000001',
      timestamp: expect.any(String),
    });
  });

  it('answers 500 without internal detail for an unexpected error, with an errorId to quote', () => {
    const reply = render(new Error('password=hunter2 at /srv/app.js:12'));
    expect(reply.status).toBe(500);
    expect(JSON.stringify(reply.body)).not.toContain('hunter2');
    expect(reply.body).toMatchObject({ error: 'INTERNAL_ERROR', details: { errorId: expect.any(String) } });
  });

  it('turns an unmatched route into 405 with Allow when the path has other methods', () => {
    const reply = render(new NotFoundException(), { id: 'r', method: 'POST', url: '/api/v1/public/countries/CH?x=1' });
    expect(reply.status).toBe(405);
    expect(reply.headers['allow']).toBe('GET');
  });

  it('asks to retry later on 503', () => {
    const reply = render(new DomainError(ErrorCode.ServiceUnavailable, 503, 'down'));
    expect(reply.headers['retry-after']).toBe('5');
  });
});
