import { createServer, type Server } from 'node:http';

import { allUp, runChecks, type DependencyCheck } from './health';

/**
 * The tiny HTTP listener Kubernetes probes: `/healthz` says the process lives,
 * `/readyz` says every dependency answers (503 otherwise, with the failing ones).
 */
export function startProbeServer(port: number, checks: () => readonly DependencyCheck[]): Promise<Server> {
  const server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.url === '/healthz') return send(200, { status: 'ok' });
    if (req.url !== '/readyz') return send(404, { status: 'not found' });
    runChecks(checks()).then(
      (dependencies) => send(allUp(dependencies) ? 200 : 503, { status: allUp(dependencies) ? 'ready' : 'not ready', dependencies }),
      () => send(503, { status: 'not ready' }),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve(server));
  });
}
