import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';

import { expectContract, gateway } from '@lib/testing';

// The first system administrator comes from the operator command, never from HTTP.

const ROOT = resolve(__dirname, '..', '..', '..', '..');
const COMMAND = join(ROOT, 'dist', 'apps', 'identity', 'create-admin.js');
const LOGIN = '/api/v1/public/auth/login';
const ME = '/api/v1/secure/auth/me';

function createAdmin(email: string, env: Record<string, string>, stdin?: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile(
      process.execPath,
      [COMMAND, '--email', email],
      { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: process.env['E2E_DATABASE_URL'] as string, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`${stderr}${stdout}`)) : resolvePromise(stdout)),
    );
    child.stdin?.end(stdin ?? '');
  });
}

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

describe('create-admin.js', () => {
  it('creates a system administrator from ADMIN_PASSWORD who can log in', async () => {
    const email = `admin-${randomUUID().slice(0, 8)}@example.com`;
    const out = await createAdmin(email, { ADMIN_PASSWORD: 'a long admin password' });
    expect(out).toContain('created system administrator');
    expect(out).not.toContain('a long admin password');
    const login = expectContract(await gateway.post(LOGIN, { email, password: 'a long admin password' }), 'POST', LOGIN);
    expect(login.user.isSystemAdmin).toBe(true);
    expect(claimsOf(login.accessToken)).toMatchObject({ adm: true, tid: null });
    const me = expectContract(await gateway.get(ME, { token: login.accessToken }), 'GET', ME);
    expect(me.user.isSystemAdmin).toBe(true);
  });

  it('reads the password from stdin, and promotes an existing account without touching its password', async () => {
    const email = `admin-${randomUUID().slice(0, 8)}@example.com`;
    await createAdmin(email, {}, 'password from stdin\n');
    expectContract(await gateway.post(LOGIN, { email, password: 'password from stdin' }), 'POST', LOGIN);
    const again = await createAdmin(email, { ADMIN_PASSWORD: 'some other password' });
    expect(again).toContain('password is unchanged');
    expectContract(await gateway.post(LOGIN, { email, password: 'password from stdin' }), 'POST', LOGIN);
  });

  it('refuses a short password', async () => {
    await expect(createAdmin(`admin-${randomUUID().slice(0, 8)}@example.com`, { ADMIN_PASSWORD: 'short' })).rejects.toThrow(/ADMIN_PASSWORD/);
  });
});
