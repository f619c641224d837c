import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';

import { DomainError, type Access, type Actor } from '@lib/contracts';

import type { GatewayEnv } from '../config';
import { AccessGuard } from './access.guard';
import type { ApiKeyAuthenticator } from './api-key.authenticator';
import type { AuthStateRepository } from './auth-state.repository';

const env = { RATE_LIMIT_API_KEY_PER_MINUTE: 30, RATE_LIMIT_TENANT_PER_MINUTE: 20, RATE_LIMIT_PUBLIC_PER_MINUTE: 10 } as GatewayEnv;
const keyActor: Actor = { type: 'api-key', id: 'k1', tenantId: 't1', role: null, sessionId: null, isSystemAdmin: false };
const admitted = { sessionRevoked: false, tenantBlockedAs: null, rateLimit: { allowed: true, limit: 30, remaining: 29, resetSeconds: 60 } };

function guardFor(access: Access, actor: Actor) {
  const reflector = { get: jest.fn((key: string) => (key === 'platform:endpoint' ? { access } : undefined)) } as unknown as Reflector;
  const apiKeys = { authenticate: jest.fn().mockResolvedValue(actor) } as unknown as ApiKeyAuthenticator;
  const state = { admit: jest.fn().mockResolvedValue(admitted) } as unknown as AuthStateRepository;
  const request = { headers: { 'x-api-key': 'pk_x' }, ip: '192.0.2.1', id: 'r1' };
  const context = {
    getHandler: () => () => undefined,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { guard: new AccessGuard(reflector, apiKeys, state, env), context, request, state };
}

describe('AccessGuard', () => {
  it('refuses a system-admin route to anyone but a system administrator (403)', async () => {
    const { guard, context } = guardFor('system-admin', keyActor);
    const error = await guard.canActivate(context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(403);
  });

  it('lets a system administrator through, admitted and rate-limited like anyone', async () => {
    const { guard, context, request, state } = guardFor('system-admin', { ...keyActor, isSystemAdmin: true });
    expect(await guard.canActivate(context)).toBe(true);
    expect(state.admit).toHaveBeenCalledTimes(1);
    expect((request as { rateLimit?: unknown }).rateLimit).toEqual(admitted.rateLimit);
  });

  it('passes public routes without asking for credentials', async () => {
    const { guard, context, state } = guardFor('public', keyActor);
    expect(await guard.canActivate(context)).toBe(true);
    expect(state.admit).not.toHaveBeenCalled();
  });
});
