import 'reflect-metadata';

import { runMain } from '@lib/platform';
import { bootstrapService } from '@lib/transport';

import { AppModule } from './app.module';
import { loadConfig } from './config';

runMain(async () => {
  const env = loadConfig();
  await bootstrapService('identity', AppModule.forRoot(env), env);
});
