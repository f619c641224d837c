import { declaredSubjects, handledSubjects } from '@lib/transport';

import { AppModule } from './app.module';
import { loadConfig } from './config';

const env = loadConfig({
  JWT_SECRET: 'x'.repeat(32),
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
  NATS_URL: 'nats://127.0.0.1:4222',
  REDIS_URL: 'redis://127.0.0.1:6379',
});

describe('identity AppModule', () => {
  it('answers every endpoint declared for identity, each with exactly one handler', () => {
    expect(handledSubjects(AppModule.forRoot(env))).toEqual(declaredSubjects('identity'));
  });
});
