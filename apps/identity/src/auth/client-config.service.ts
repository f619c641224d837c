import { Inject, Injectable } from '@nestjs/common';

import { DomainError, ErrorCode, type RealtimeClientConfigResponse } from '@lib/contracts';
import { SERVICE_ENV } from '@lib/transport';

import type { IdentityEnv } from '../config';

/** Runtime configuration clients fetch instead of baking it into their builds. */
@Injectable()
export class ClientConfigService {
  constructor(@Inject(SERVICE_ENV) private readonly env: IdentityEnv) {}

  /**
   * The realtime endpoint and its public (anon) key: both meant for clients, neither a secret. Unset, the
   * platform has no realtime service, which is a 404 (the contract lists no 503 here).
   */
  realtime(): RealtimeClientConfigResponse {
    const { REALTIME_URL: url, REALTIME_PUBLIC_KEY: key } = this.env;
    if (!url || !key) {
      throw new DomainError(ErrorCode.RealtimeNotConfigured, 404, 'Realtime is not configured on this platform (REALTIME_URL is unset).');
    }
    return { data: { supabaseUrl: url, supabaseAnonKey: key } };
  }
}
