import { randomUUID } from 'node:crypto';

import { connect, JSONCodec, type JetStreamManager, type NatsConnection } from 'nats';

import { expectContract, expectErrorEnvelope, gateway } from '@lib/testing';

// Password reset and email verification: identity publishes the raw token to JetStream (stream
// IDENTITY_MAIL) for the messaging service to mail; the specs read it from there, as the mailer would.

const REGISTER = '/api/v1/public/auth/register';
const LOGIN = '/api/v1/public/auth/login';
const ME = '/api/v1/secure/auth/me';
const FORGOT = '/api/v1/public/auth/forgot-password';
const VALIDATE = '/api/v1/public/auth/validate-reset-token';
const RESET = '/api/v1/public/auth/reset-password';
const RESEND = '/api/v1/public/auth/resend-verification';

const PASSWORD = 'correct horse battery';
const unique = () => randomUUID().slice(0, 8);

interface MailRequest {
  userId: string;
  email: string;
  token: string;
  expiresAt: string;
  locale: string;
}

let nats: NatsConnection;
let streams: JetStreamManager;
beforeAll(async () => {
  nats = await connect({ servers: process.env['E2E_NATS_URL'] as string });
  streams = await nats.jetstreamManager();
});
afterAll(() => nats.close());

/** The newest mail request on `subject`, if it is for `email`. */
async function lastMail(subject: string, email: string): Promise<MailRequest | null> {
  try {
    const message = await streams.streams.getMessage('IDENTITY_MAIL', { last_by_subj: subject });
    const mail = JSONCodec<MailRequest>().decode(message.data);
    return mail.email === email ? mail : null;
  } catch {
    return null;
  }
}

async function registered(): Promise<{ email: string; userId: string }> {
  const id = unique();
  const email = `rec-${id}@example.com`;
  const body = expectContract(await gateway.post(REGISTER, { email, password: PASSWORD, tenantName: `Rec ${id}`, tenantDomain: `rec-${id}` }), 'POST', REGISTER);
  return { email, userId: body.user.id };
}

describe('POST /api/v1/public/auth/forgot-password', () => {
  it('answers the same for known and unknown emails; only the known one gets a mail request', async () => {
    const account = await registered();
    const known = await gateway.post(FORGOT, { email: account.email.toUpperCase() });
    const unknownEmail = `nobody-${unique()}@example.com`;
    const unknown = await gateway.post(FORGOT, { email: unknownEmail });
    expect(expectContract(known, 'POST', FORGOT)).toEqual(expectContract(unknown, 'POST', FORGOT));
    expect(known.status).toBe(unknown.status);
    expect(await lastMail('identity.password-reset.requested', unknownEmail)).toBeNull();
  });

  it('refuses a malformed body with 422', async () => {
    const res = await gateway.post(FORGOT, { email: 'nope' });
    expectErrorEnvelope(res, 422, 'VALIDATION_FAILED');
    expectContract(res, 'POST', FORGOT);
  });
});

describe('password reset', () => {
  it('validates, resets once, and logs out every session', async () => {
    const account = await registered();
    const session = expectContract(await gateway.post(LOGIN, { email: account.email, password: PASSWORD }), 'POST', LOGIN);
    expectContract(await gateway.post(FORGOT, { email: account.email }), 'POST', FORGOT);
    const mail = await lastMail('identity.password-reset.requested', account.email);
    expect(mail).toMatchObject({ userId: account.userId, email: account.email });
    const token = mail!.token;
    expect(Date.parse(mail!.expiresAt)).toBeGreaterThan(Date.now());

    const valid = expectContract(await gateway.get(VALIDATE, { query: { token } }), 'GET', VALIDATE);
    expect(valid).toEqual({ valid: true, email: account.email });

    const res = await gateway.post(RESET, { token, password: 'the new password' });
    expect(expectContract(res, 'POST', RESET).message).toBeTruthy();
    expectErrorEnvelope(await gateway.get(ME, { token: session.accessToken }), 401);
    expectErrorEnvelope(await gateway.post(LOGIN, { email: account.email, password: PASSWORD }), 401);
    expectContract(await gateway.post(LOGIN, { email: account.email, password: 'the new password' }), 'POST', LOGIN);

    const again = await gateway.post(RESET, { token, password: 'yet another password' });
    expectErrorEnvelope(again, 400, 'INVALID_RESET_TOKEN');
    expectContract(again, 'POST', RESET);
    expect(expectContract(await gateway.get(VALIDATE, { query: { token } }), 'GET', VALIDATE)).toEqual({ valid: false });
  });

  it('a newer request makes the older link useless', async () => {
    const account = await registered();
    await gateway.post(FORGOT, { email: account.email });
    const first = (await lastMail('identity.password-reset.requested', account.email))!.token;
    await gateway.post(FORGOT, { email: account.email });
    const second = (await lastMail('identity.password-reset.requested', account.email))!.token;
    expect(second).not.toBe(first);
    expectErrorEnvelope(await gateway.post(RESET, { token: first, password: 'the new password' }), 400);
    expectContract(await gateway.post(RESET, { token: second, password: 'the new password' }), 'POST', RESET);
  });

  it('refuses unknown tokens and bad input', async () => {
    expect(expectContract(await gateway.get(VALIDATE, { query: { token: 'unknown' } }), 'GET', VALIDATE)).toEqual({ valid: false });
    expectErrorEnvelope(await gateway.post(RESET, { token: 'unknown', password: 'the new password' }), 400);
    const short = await gateway.post(RESET, { token: 'unknown', password: 'short' });
    expectErrorEnvelope(short, 422, 'VALIDATION_FAILED');
    expectContract(short, 'POST', RESET);
    const missing = await gateway.get(VALIDATE);
    expectErrorEnvelope(missing, 422, 'VALIDATION_FAILED');
    expectContract(missing, 'GET', VALIDATE);
  });
});

describe('POST /api/v1/public/auth/resend-verification', () => {
  it('publishes a verification request for an unverified account, and answers the same for unknown emails', async () => {
    const account = await registered();
    const known = await gateway.post(RESEND, { email: account.email });
    const unknown = await gateway.post(RESEND, { email: `nobody-${unique()}@example.com` });
    expect(expectContract(known, 'POST', RESEND)).toEqual(expectContract(unknown, 'POST', RESEND));
    const mail = await lastMail('identity.verification.requested', account.email);
    expect(mail).toMatchObject({ userId: account.userId, email: account.email });
    expect(mail!.token.length).toBeGreaterThan(20);
  });

  it('refuses a malformed body with 422', async () => {
    const res = await gateway.post(RESEND, { email: 'nope' });
    expectErrorEnvelope(res, 422, 'VALIDATION_FAILED');
    expectContract(res, 'POST', RESEND);
  });
});
