import { IsString, Matches, MinLength } from 'class-validator';

import { loadEnv, ServiceEnv } from '@lib/platform';

/** Environment of the storage service (see the config table in the README). */
export class StorageEnv extends ServiceEnv {
  PROBE_PORT = 3003;

  @Matches(/^https?:\/\/\S+$/, { message: 'S3_ENDPOINT must look like http://host:9000' })
  S3_ENDPOINT: string;

  @IsString()
  @MinLength(1)
  S3_ACCESS_KEY: string;

  @IsString()
  @MinLength(1)
  S3_SECRET_KEY: string;

  @IsString()
  @MinLength(3)
  S3_BUCKET = 'platform';

  @IsString()
  S3_REGION = 'us-east-1';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): StorageEnv {
  return loadEnv(StorageEnv, env);
}
