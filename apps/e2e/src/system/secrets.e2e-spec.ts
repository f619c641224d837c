import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { connect, JSONCodec, type NatsConnection } from 'nats';

import { expectContract, gateway, pollUntil } from '@lib/testing';

// Every secret of an account's life (passwords, a failed guess, refresh tokens, API keys, a reset token,
// access tokens) goes through the platform once; afterwards no log line of any app holds one, and no
// answer after creation shows a password, a password hash, a full key or a refresh token again.

const REGISTER = '/api/v1/public/auth/register';
const LOGIN = '/api/v1/public/auth/login';
const REFRESH = '/api/v1/public/auth/refresh';
const ME = '/api/v1/secure/auth/me';
const CHANGE_PASSWORD = '/api/v1/secure/auth/me/change-password';
const FORGOT = '/api/v1/public/auth/forgot-password';
const RESET = '/api/v1/public/auth/reset-password';
const KEYS = '/api/v1/secure/api-keys/';

const secretText = (label: string) => `${label}-${randomBytes(12).toString('base64url')}`;

let nats: NatsConnection;
beforeAll(async () => {
  nats = await connect({ servers: process.env['E2E_NATS_URL'] as string });
});
afterAll(() => nats.close());

async function resetTokenFor(email: string): Promise<string> {
  const streams = await nats.jetstreamManager();
  const mail = await pollUntil(
    async () => {
      const message = await streams.streams.getMessage('IDENTITY_MAIL', { last_by_subj: 'identity.password-reset.requested' }).catch(() => null);
      return message ? JSONCodec<{ email: string; token: string }>().decode(message.data) : null;
    },
    (found) => found?.email === email,
    { what: 'the password reset mail request' },
  );
  return mail?.token as string;
}

function appLogs(): string {
  const dir = join(process.env['E2E_STACK_DIR'] as string, 'logs');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.log'))
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('\n');
}

describe('secrets', () => {
  it('never appear in any app log, nor in answers after their creation', async () => {
    const id = randomUUID().slice(0, 8);
    const email = `secrets-${id}@example.com`;
    const [firstPassword, wrongGuess, secondPassword, thirdPassword] = ['first', 'guess', 'second', 'third'].map(secretText);
    const secrets: string[] = [firstPassword, wrongGuess, secondPassword, thirdPassword];
    const answers: string[] = [];

    answers.push((await gateway.post(REGISTER, { email, password: firstPassword, tenantName: `Secrets ${id}`, tenantDomain: `secrets-${id}` })).text);
    await gateway.post(LOGIN, { email, password: wrongGuess });
    const login = expectContract(await gateway.post(LOGIN, { email, password: firstPassword }), 'POST', LOGIN);
    const refreshed = expectContract(await gateway.post(REFRESH, { refreshToken: login.refreshToken }), 'POST', REFRESH);
    secrets.push(login.refreshToken, login.accessToken, refreshed.refreshToken, refreshed.accessToken);
    const token = refreshed.accessToken;

    const key = await gateway.post<{ data: { id: string }; fullKey: string }>(KEYS, { name: 'secrets' }, { token });
    expect(key.status).toBe(201);
    const rotated = await gateway.post<{ fullKey: string }>(`${KEYS}${key.body.data.id}/rotate`, {}, { token });
    expect(rotated.status).toBe(200);
    secrets.push(key.body.fullKey, rotated.body.fullKey);
    answers.push((await gateway.get(KEYS, { token })).text, (await gateway.get(`${KEYS}${key.body.data.id}`, { token })).text);
    answers.push((await gateway.get(ME, { headers: { 'x-api-key': rotated.body.fullKey } })).text);

    answers.push((await gateway.post(CHANGE_PASSWORD, { currentPassword: firstPassword, newPassword: secondPassword }, { token })).text);
    answers.push((await gateway.post(FORGOT, { email })).text);
    const resetToken = await resetTokenFor(email);
    secrets.push(resetToken);
    answers.push((await gateway.post(RESET, { token: resetToken, password: thirdPassword })).text);
    const last = expectContract(await gateway.post(LOGIN, { email, password: thirdPassword }), 'POST', LOGIN);
    answers.push((await gateway.get(ME, { token: last.accessToken })).text);

    // pino writes asynchronously: give the last lines a moment to reach the files.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const logs = appLogs();
    expect(logs).toContain('"service":"identity"');
    for (const secret of secrets) expect({ secret, inLogs: logs.includes(secret) }).toEqual({ secret, inLogs: false });
    expect(logs).not.toMatch(/\$argon2id\$/);

    const after = answers.join('\n');
    for (const secret of [firstPassword, secondPassword, thirdPassword, key.body.fullKey, rotated.body.fullKey, login.refreshToken]) {
      expect({ secret, inAnswers: after.includes(secret) }).toEqual({ secret, inAnswers: false });
    }
    expect(after).not.toMatch(/\$argon2id\$|password_?hash|key_hash/i);
  });
});
