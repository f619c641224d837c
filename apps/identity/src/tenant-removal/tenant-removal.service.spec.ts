import type { ApiKeyCacheRepository } from '../api-keys/api-key-cache.repository';
import type { TenantRemovalRepository } from './tenant-removal.repository';
import { TenantRemovalService } from './tenant-removal.service';

const TENANT = '0b5e7c3a-9d1f-4c2e-8a6b-1f2e3d4c5b6a';

describe('TenantRemovalService', () => {
  const removeTenant = jest.fn();
  const forget = jest.fn();
  const service = new TenantRemovalService({ removeTenant } as unknown as TenantRemovalRepository, { forget } as unknown as ApiKeyCacheRepository);

  beforeEach(() => jest.resetAllMocks());

  it("removes the tenant's rows and drops each deleted key from the gateway's cache", async () => {
    removeTenant.mockResolvedValue({ memberships: 3, apiKeyHashes: ['a'.repeat(64), 'b'.repeat(64)] });
    expect(await service.forget(TENANT)).toEqual({ memberships: 3, apiKeys: 2 });
    expect(removeTenant).toHaveBeenCalledWith(TENANT);
    expect(forget.mock.calls).toEqual([['a'.repeat(64)], ['b'.repeat(64)]]);
  });

  it('refuses a tenant id that is not a uuid, touching nothing', async () => {
    await expect(service.forget('not-a-uuid')).rejects.toMatchObject({ status: 422 });
    expect(removeTenant).not.toHaveBeenCalled();
  });
});
