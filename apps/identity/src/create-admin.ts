import 'reflect-metadata';

import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

import { DataSource, IsNull } from 'typeorm';

import { dataSourceOptions } from '@lib/persistence';
import { runMain } from '@lib/platform';

import { normalizeEmail } from './auth/auth.service';
import { PasswordsService } from './auth/passwords.service';
import { loadCreateAdminConfig } from './config';
import { identityDataSource } from './data-source';
import { UserEntity } from './users/user.entity';

/**
 * `node dist/apps/identity/create-admin.js --email <email>`: makes the first system administrator (no
 * HTTP endpoint can). The password comes from ADMIN_PASSWORD or stdin (never from the command line, which
 * other users of the machine can read). An existing account is promoted and keeps its password.
 */
runMain(async () => {
  const { values } = parseArgs({ options: { email: { type: 'string' } } });
  if (!values.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) {
    throw new Error('usage: create-admin.js --email <email>   (password from ADMIN_PASSWORD or stdin)');
  }
  const email = normalizeEmail(values.email);
  const env = loadCreateAdminConfig();
  const dataSource = await new DataSource(dataSourceOptions(env.DATABASE_URL, identityDataSource, 1)).initialize();
  try {
    const users = dataSource.getRepository(UserEntity);
    const existing = await users.findOne({ where: { email, deletedAt: IsNull() } });
    if (existing) {
      await users.update({ id: existing.id }, { isSystemAdmin: true });
      process.stdout.write(`${email} (${existing.id}) is now a system administrator; its password is unchanged.\n`);
      return;
    }
    const password = env.ADMIN_PASSWORD ?? (await readStdin());
    if (password.length < 12) throw new Error('The password must be at least 12 characters (ADMIN_PASSWORD or stdin).');
    const id = randomUUID();
    await users.insert({
      id,
      email,
      passwordHash: await new PasswordsService().hash(password),
      displayName: 'System administrator',
      locale: 'en',
      settings: {},
      isSystemAdmin: true,
      emailVerifiedAt: new Date(),
      defaultTenantId: null,
    });
    process.stdout.write(`created system administrator ${email} (${id}).\n`);
  } finally {
    await dataSource.destroy();
  }
});

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter, Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
