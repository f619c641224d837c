import { Injectable } from '@nestjs/common';

import {
  DomainError,
  ErrorCode,
  type ForgotPasswordResponse,
  type RequestContext,
  type ResendVerificationResponse,
  type ResetPasswordResponse,
  type ValidateResetTokenResponse,
} from '@lib/contracts';
import { EventPublisher } from '@lib/transport';

import { RevocationsRepository } from '../sessions/revocations.repository';
import { SessionsRepository } from '../sessions/sessions.repository';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { normalizeEmail } from './auth.service';
import type { OneTimeTokenPurpose } from './one-time-token.entity';
import { OneTimeTokensRepository } from './one-time-tokens.repository';
import { PasswordsService } from './passwords.service';
import { TokensService } from './tokens.service';
import { withUniformDuration } from './uniform-duration';

export const RESET_TOKEN_TTL_SECONDS = 3600;
export const VERIFY_TOKEN_TTL_SECONDS = 24 * 3600;

/** What the messaging service mails (stream IDENTITY_MAIL): the one place a raw token travels. */
export interface MailRequest {
  userId: string;
  email: string;
  token: string;
  expiresAt: string;
  locale: string;
}

/** A one-time token to mail: its purpose and lifetime, the event (mail subject and audit action), and to whom. */
interface TokenMail {
  purpose: OneTimeTokenPurpose;
  ttlSeconds: number;
  event: 'identity.password-reset.requested' | 'identity.verification.requested';
  to: (user: UserEntity) => boolean;
}

const FORGOT_MESSAGE = 'If an account has this email, a reset link is on its way.';
/** Above what a known email's token write, mail and audit publish take, so both answers take the same time. */
const UNIFORM_ANSWER_MS = 250;
const RESEND_MESSAGE = 'If an unverified account has this email, a verification link is on its way.';

/** Password reset and email verification by single-use, expiring tokens stored hashed. */
@Injectable()
export class RecoveryService {
  constructor(
    private readonly users: UsersRepository,
    private readonly oneTimeTokens: OneTimeTokensRepository,
    private readonly sessions: SessionsRepository,
    private readonly revocations: RevocationsRepository,
    private readonly passwords: PasswordsService,
    private readonly tokens: TokensService,
    private readonly events: EventPublisher,
  ) {}

  /** The same answer, in the same time, whether the email is known or not. */
  async forgotPassword(context: RequestContext, email: string): Promise<ForgotPasswordResponse> {
    await this.mailToken(context, email, { purpose: 'reset', ttlSeconds: RESET_TOKEN_TTL_SECONDS, event: 'identity.password-reset.requested', to: () => true });
    return { message: FORGOT_MESSAGE };
  }

  async validateResetToken(token: string): Promise<ValidateResetTokenResponse> {
    const found = await this.oneTimeTokens.findUsable(this.tokens.hash(token), 'reset', new Date());
    const user = found ? await this.users.findById(found.userId) : null;
    return user ? { valid: true, email: user.email } : { valid: false };
  }

  /** Sets the new password, uses the token up and revokes every session of the user. */
  async resetPassword(context: RequestContext, token: string, password: string): Promise<ResetPasswordResponse> {
    const now = new Date();
    const found = await this.oneTimeTokens.findUsable(this.tokens.hash(token), 'reset', now);
    const user = found ? await this.users.findById(found.userId) : null;
    if (!found || !user || !(await this.oneTimeTokens.consume(found.id, now))) throw invalidResetToken();
    await this.users.setPasswordHash(user.id, await this.passwords.hash(password));
    // The link reached the mailbox: that proves the address as well as a verification link would.
    if (!user.emailVerifiedAt) await this.users.markEmailVerified(user.id, now);
    await this.revocations.revoke(await this.sessions.revokeAllOfUser(user.id, now));
    await this.events.audit(context, {
      action: 'identity.password.reset',
      actor: { type: 'user', id: user.id },
      resourceType: 'user',
      resourceId: user.id,
      tenantId: user.defaultTenantId,
    });
    return { message: 'Password changed. Every session was logged out: log in with the new password.' };
  }

  /** The same answer, in the same time, whether the email is known, verified or not. */
  async resendVerification(context: RequestContext, email: string): Promise<ResendVerificationResponse> {
    const unverified = (user: UserEntity) => !user.emailVerifiedAt;
    await this.mailToken(context, email, { purpose: 'verify', ttlSeconds: VERIFY_TOKEN_TTL_SECONDS, event: 'identity.verification.requested', to: unverified });
    return { message: RESEND_MESSAGE };
  }

  /**
   * Issues a one-time token to the account with this email (if there is one and `to` accepts it), has it mailed
   * and audits the request; takes the same time either way, so the answer tells nothing about the account.
   */
  private mailToken(context: RequestContext, email: string, mail: TokenMail): Promise<void> {
    return withUniformDuration(UNIFORM_ANSWER_MS, async () => {
      const user = await this.users.findByEmail(normalizeEmail(email));
      if (!user || !mail.to(user)) return;
      await this.issue(user, mail.purpose, mail.ttlSeconds, mail.event);
      await this.events.audit(context, {
        action: mail.event,
        actor: { type: 'anonymous', id: null },
        resourceType: 'user',
        resourceId: user.id,
        tenantId: user.defaultTenantId,
      });
    });
  }

  private async issue(user: UserEntity, purpose: OneTimeTokenPurpose, ttlSeconds: number, subject: string): Promise<void> {
    const now = new Date();
    const token = this.tokens.newOneTimeToken();
    const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
    await this.oneTimeTokens.replace(user.id, purpose, this.tokens.hash(token), expiresAt, now);
    const mail: MailRequest = { userId: user.id, email: user.email, token, expiresAt: expiresAt.toISOString(), locale: user.locale };
    await this.events.publish(subject, mail);
  }
}

function invalidResetToken(): DomainError {
  return new DomainError(ErrorCode.InvalidResetToken, 400, 'The reset token is invalid, expired or used already: request a new one.');
}
