import { DomainError } from '@lib/contracts';

import type { IdentityEnv } from '../config';
import { ClientConfigService } from './client-config.service';

function service(env: Partial<IdentityEnv>): ClientConfigService {
  return new ClientConfigService(env as IdentityEnv);
}

describe('ClientConfigService.realtime', () => {
  it('answers the configured URL and public key', () => {
    const config = service({ REALTIME_URL: 'https://rt.example.com', REALTIME_PUBLIC_KEY: 'anon-key' }).realtime();
    expect(config).toEqual({ data: { supabaseUrl: 'https://rt.example.com', supabaseAnonKey: 'anon-key' } });
  });

  it('answers 404 REALTIME_NOT_CONFIGURED when unset', () => {
    expect(() => service({}).realtime()).toThrow(DomainError);
    try {
      service({}).realtime();
    } catch (error) {
      expect((error as DomainError).status).toBe(404);
      expect((error as DomainError).code).toBe('REALTIME_NOT_CONFIGURED');
    }
  });
});
