import { declaredSubjects, handledSubjects } from '@lib/transport';

import { AppModule } from './app.module';
import { loadConfig } from './config';

const env = loadConfig({
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
  NATS_URL: 'nats://127.0.0.1:4222',
  REDIS_URL: 'redis://127.0.0.1:6379',
});

describe('calendar AppModule', () => {
  it('answers every endpoint declared for calendar, each with exactly one handler', () => {
    expect(handledSubjects(AppModule.forRoot(env))).toEqual(declaredSubjects('calendar'));
  });
});
