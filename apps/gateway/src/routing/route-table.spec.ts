import { endpoint } from '@lib/contracts';

import { RouteTable } from './route-table';

const routes = new RouteTable([
  endpoint({ id: 'tenancy.countries.list', method: 'GET', path: '/api/v1/public/countries/', access: 'public', status: 200 }),
  endpoint({ id: 'tenancy.countries.get', method: 'GET', path: '/api/v1/public/countries/{isoCode}', access: 'public', status: 200 }),
  endpoint({ id: 'tenancy.countries.patch', method: 'PATCH', path: '/api/v1/public/countries/{isoCode}', access: 'public', status: 200 }),
]);

describe('RouteTable.allowedMethods', () => {
  it('lists every method of a templated path', () => {
    expect(routes.allowedMethods('/api/v1/public/countries/CH')).toEqual(['GET', 'PATCH']);
  });

  it('matches with and without the trailing slash', () => {
    expect(routes.allowedMethods('/api/v1/public/countries')).toEqual(['GET']);
    expect(routes.allowedMethods('/api/v1/public/countries/')).toEqual(['GET']);
  });

  it('knows nothing of other paths', () => {
    expect(routes.allowedMethods('/api/v1/public/countries/CH/cities')).toEqual([]);
    expect(routes.allowedMethods('/api/v1/public')).toEqual([]);
  });
});
