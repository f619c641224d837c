import { createHash } from 'node:crypto';
import { BlockList, isIP } from 'node:net';

import { Injectable } from '@nestjs/common';

import { DomainError, ErrorCode, resolveApiKey, type Actor, type ApiKeyActor, type RequestContext } from '@lib/contracts';
import { callInternal, NatsRpcClient } from '@lib/transport';

import { AuthStateRepository } from './auth-state.repository';

/** Turns an `X-API-Key` header into the actor it stands for, or refuses it. */
@Injectable()
export class ApiKeyAuthenticator {
  constructor(
    private readonly state: AuthStateRepository,
    private readonly rpc: NatsRpcClient,
  ) {}

  async authenticate(key: string, context: RequestContext): Promise<Actor> {
    const keyHash = createHash('sha256').update(key).digest('hex');
    const apiKey = (await this.state.cachedApiKey(keyHash)) ?? (await this.resolve(keyHash, context));
    if (!apiKey || !apiKey.enabled || isExpired(apiKey)) {
      throw new DomainError(ErrorCode.Unauthorized, 401, 'The API key is invalid, disabled or expired.');
    }
    if (!ipAllowed(apiKey.ipWhitelist, context.ip)) {
      throw new DomainError(ErrorCode.Forbidden, 403, 'This API key may not be used from this address.');
    }
    return {
      type: 'api-key',
      id: apiKey.keyId,
      tenantId: apiKey.tenantId,
      role: null,
      sessionId: null,
      isSystemAdmin: false,
      onBehalfOf: apiKey.userId,
    };
  }

  private async resolve(keyHash: string, context: RequestContext): Promise<ApiKeyActor | null> {
    const apiKey = await callInternal(this.rpc, resolveApiKey, context, { keyHash });
    if (apiKey) await this.state.cacheApiKey(keyHash, apiKey);
    return apiKey;
  }
}

function isExpired(apiKey: ApiKeyActor): boolean {
  return apiKey.expiresAt !== null && Date.parse(apiKey.expiresAt) <= Date.now();
}

/** An empty whitelist allows every address; entries are addresses or CIDR ranges, IPv4 or IPv6. */
export function ipAllowed(whitelist: readonly string[], ip: string): boolean {
  if (whitelist.length === 0) return true;
  const address = ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  const allowed = new BlockList();
  for (const entry of whitelist) {
    const [base, bits] = entry.split('/');
    const entryFamily = isIP(base) === 6 ? 'ipv6' : 'ipv4';
    if (!isIP(base)) continue;
    if (bits === undefined) allowed.addAddress(base, entryFamily);
    else allowed.addSubnet(base, Number(bits), entryFamily);
  }
  return allowed.check(address, family);
}
