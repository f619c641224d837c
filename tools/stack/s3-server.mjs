// The local S3-compatible server (s3rver) as a child process of the stack:
//   node tools/stack/s3-server.mjs --port 59000 --dir .stack/dev/s3 --bucket platform
// Credentials are s3rver's fixed S3RVER/S3RVER; the bucket is created if missing.
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';

import S3rver from 's3rver';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '59000' },
    dir: { type: 'string' },
    bucket: { type: 'string', default: 'platform' },
  },
});
if (!values.dir) {
  console.error('usage: s3-server.mjs --port <port> --dir <data dir> [--bucket <name>]');
  process.exit(2);
}
mkdirSync(values.dir, { recursive: true });

const server = new S3rver({
  address: '127.0.0.1',
  port: Number(values.port),
  silent: true,
  directory: values.dir,
  configureBuckets: [{ name: values.bucket, configs: [] }],
});
await server.run();
console.log(`s3rver listening on http://127.0.0.1:${values.port} (bucket ${values.bucket}, data in ${values.dir})`);

const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
