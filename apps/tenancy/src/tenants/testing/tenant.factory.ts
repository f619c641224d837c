import type { Actor, RequestContext } from '@lib/contracts';

import type { TenantEntity } from '../tenant.entity';

export const TENANT_A = '11111111-1111-4111-8111-111111111111';
export const TENANT_B = '22222222-2222-4222-8222-222222222222';
export const USER = '33333333-3333-4333-8333-333333333333';

const CREATED = new Date('2026-01-15T12:00:00.000Z');

export function tenantRow(overrides: Partial<TenantEntity> = {}): TenantEntity {
  return {
    id: TENANT_A,
    name: 'Acme',
    slug: 'acme',
    domain: 'acme',
    description: null,
    status: 'active',
    type: 'trial',
    contactEmail: null,
    contactPhone: null,
    ownerUserId: USER,
    settings: {},
    defaultLanguage: 'en',
    additionalLanguages: [],
    storageDistributionStrategy: 'sequential',
    storageFallbackChain: [],
    logRetentionDays: 90,
    logRetentionUpdatedAt: null,
    createdAt: CREATED,
    updatedAt: CREATED,
    ...overrides,
  };
}

export function actor(overrides: Partial<Actor> = {}): Actor {
  return { type: 'user', id: USER, tenantId: TENANT_A, role: 'member', sessionId: 'sid-1', isSystemAdmin: false, ...overrides };
}

export const member = (tenantId = TENANT_A) => actor({ tenantId, role: 'member' });
export const owner = (tenantId = TENANT_A) => actor({ tenantId, role: 'owner' });
export const systemAdmin = () => actor({ tenantId: null, role: null, isSystemAdmin: true });

export function contextOf(who: Actor | null): RequestContext {
  return { requestId: 'req-1', actor: who, tenantId: who?.tenantId ?? null, locale: null, ip: '127.0.0.1', userAgent: null };
}

/**
 * A stand-in whose listed methods are jest mocks; any other method fails the test when called
 * (an unmocked I/O call is a bug in the test or the code).
 */
export function strictMock<T extends object>(methods: Partial<Record<keyof T, jest.Mock>>): jest.Mocked<T> {
  return new Proxy(methods as object, {
    get(target, property) {
      if (property in target) return (target as Record<string | symbol, unknown>)[property];
      if (property === 'then') return undefined;
      throw new Error(`unmocked call: ${String(property)}`);
    },
  }) as jest.Mocked<T>;
}
