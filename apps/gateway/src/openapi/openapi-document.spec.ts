import { allEndpoints } from '@lib/contracts';

import { openApiDocument } from './openapi-document';

type Operation = { operationId: string; parameters?: { name: string; in: string; required: boolean }[]; responses: object };

describe('openApiDocument', () => {
  const document = openApiDocument(allEndpoints, '1.2.3') as { openapi: string; paths: Record<string, Record<string, Operation>> };

  it('is OpenAPI 3.1 with one operation per declared endpoint', () => {
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
    expect(operations.map((o) => o.operationId).sort()).toEqual(allEndpoints.map((e) => e.id).sort());
  });

  it('describes path and query parameters from the DTOs', () => {
    const getCountry = document.paths['/api/v1/public/countries/{isoCode}'].get;
    expect(getCountry.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'isoCode', in: 'path', required: true }),
        expect.objectContaining({ name: 'language', in: 'query', required: false }),
      ]),
    );
  });

  it('documents the error envelope for error statuses', () => {
    const health = document.paths['/api/v1/system/health'].get;
    expect(JSON.stringify(health.responses)).toContain('#/components/schemas/StandardErrorResponse');
  });
});

describe('openApiDocument for endpoints the catalogue gives no success schema', () => {
  const document = openApiDocument(allEndpoints, '1.2.3') as { paths: Record<string, Record<string, { responses: Record<string, { content: object; headers?: object }> }>> };

  it('documents a download as a file of its content type, with Content-Disposition', () => {
    const env = document.paths['/api/v1/secure/tenants/{id}/env'].get.responses['200'];
    expect(env.content).toEqual({ 'text/plain; charset=utf-8': { schema: { type: 'string' } } });
    expect(env.headers).toHaveProperty('Content-Disposition');
    expect(Object.keys(document.paths['/api/v1/secure/tenants/{id}/json'].get.responses['200'].content)).toEqual(['application/json; charset=utf-8']);
  });

  it('documents a JSON success without a schema as an object', () => {
    const config = document.paths['/api/v1/secure/tenants/{id}/developer-config'].get.responses['200'];
    expect(config.content).toEqual({ 'application/json': { schema: { type: 'object' } } });
  });
});
