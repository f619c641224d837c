import { DomainError, type RequestContext } from '@lib/contracts';

import type { UserEntity } from '../users/user.entity';
import { RecoveryService } from './recovery.service';

const USER = '22222222-2222-4222-8222-222222222222';
type Mocked = Record<string, jest.Mock>;

function automock(methods: string[]): Mocked {
  return Object.fromEntries(methods.map((m) => [m, jest.fn(() => { throw new Error(`unexpected call: ${m}`); })]));
}

const context: RequestContext = { requestId: 'r', actor: null, tenantId: null, locale: null, ip: '10.0.0.1', userAgent: null };

function aUser(overrides: Partial<UserEntity> = {}): UserEntity {
  return { id: USER, email: 'ada@example.com', locale: 'de', emailVerifiedAt: null, defaultTenantId: null, ...overrides } as UserEntity;
}

describe('RecoveryService', () => {
  let users: Mocked;
  let oneTimeTokens: Mocked;
  let sessions: Mocked;
  let revocations: Mocked;
  let passwords: Mocked;
  let tokens: Mocked;
  let events: Mocked;
  let service: RecoveryService;

  beforeEach(() => {
    users = automock(['findByEmail', 'findById', 'setPasswordHash', 'markEmailVerified']);
    oneTimeTokens = automock(['replace', 'findUsable', 'consume']);
    sessions = automock(['revokeAllOfUser']);
    revocations = automock(['revoke']);
    passwords = automock(['hash']);
    tokens = automock(['newOneTimeToken', 'hash']);
    events = automock(['audit', 'publish']);
    tokens.hash.mockImplementation((t: string) => `hash-of-${t}`);
    tokens.newOneTimeToken.mockReturnValue('raw-token');
    events.audit.mockResolvedValue(undefined);
    events.publish.mockResolvedValue(undefined);
    oneTimeTokens.replace.mockResolvedValue(undefined);
    service = new RecoveryService(
      users as never, oneTimeTokens as never, sessions as never, revocations as never, passwords as never, tokens as never, events as never,
    );
  });

  it('answers the same for a known and an unknown email; only the known one gets a token, stored hashed', async () => {
    users.findByEmail.mockResolvedValueOnce(aUser()).mockResolvedValueOnce(null);
    const known = await service.forgotPassword(context, 'ADA@example.com');
    const unknown = await service.forgotPassword(context, 'nobody@example.com');
    expect(known).toEqual(unknown);
    expect(oneTimeTokens.replace).toHaveBeenCalledTimes(1);
    expect(oneTimeTokens.replace).toHaveBeenCalledWith(USER, 'reset', 'hash-of-raw-token', expect.any(Date), expect.any(Date));
    expect(events.publish).toHaveBeenCalledWith('identity.password-reset.requested', expect.objectContaining({
      userId: USER, email: 'ada@example.com', token: 'raw-token', locale: 'de',
    }));
  });

  it('resets once: consumes the token, stores the new hash, revokes every session', async () => {
    oneTimeTokens.findUsable.mockResolvedValue({ id: 't-1', userId: USER });
    users.findById.mockResolvedValue(aUser());
    oneTimeTokens.consume.mockResolvedValueOnce(true).mockResolvedValueOnce(false);
    passwords.hash.mockResolvedValue('$argon2id$new');
    users.setPasswordHash.mockResolvedValue(undefined);
    users.markEmailVerified.mockResolvedValue(undefined);
    sessions.revokeAllOfUser.mockResolvedValue(['sid-1']);
    revocations.revoke.mockResolvedValue(undefined);
    await service.resetPassword(context, 'raw-token', 'new password');
    expect(oneTimeTokens.findUsable).toHaveBeenCalledWith('hash-of-raw-token', 'reset', expect.any(Date));
    expect(users.setPasswordHash).toHaveBeenCalledWith(USER, '$argon2id$new');
    expect(revocations.revoke).toHaveBeenCalledWith(['sid-1']);
    await expect(service.resetPassword(context, 'raw-token', 'new password')).rejects.toBeInstanceOf(DomainError);
    expect(users.setPasswordHash).toHaveBeenCalledTimes(1);
  });

  it('refuses an unknown or expired token with 400', async () => {
    oneTimeTokens.findUsable.mockResolvedValue(null);
    await expect(service.resetPassword(context, 'nope', 'new password')).rejects.toMatchObject({ status: 400 });
    expect(await service.validateResetToken('nope')).toEqual({ valid: false });
  });

  it('sends a verification link only to unverified accounts, answering the same', async () => {
    users.findByEmail.mockResolvedValueOnce(aUser()).mockResolvedValueOnce(aUser({ emailVerifiedAt: new Date() }));
    const a = await service.resendVerification(context, 'ada@example.com');
    const b = await service.resendVerification(context, 'ada@example.com');
    expect(a).toEqual(b);
    expect(events.publish).toHaveBeenCalledTimes(1);
    expect(events.publish).toHaveBeenCalledWith('identity.verification.requested', expect.objectContaining({ token: 'raw-token' }));
  });
});
