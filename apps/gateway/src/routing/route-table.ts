import type { EndpointDeclaration } from '@lib/contracts';

interface CompiledRoute {
  method: string;
  pattern: RegExp;
}

/** Answers "which methods does this path have?" so an unknown method on a known path gets 405. */
export class RouteTable {
  private readonly routes: CompiledRoute[];

  constructor(endpoints: readonly EndpointDeclaration[]) {
    this.routes = endpoints.map((e) => ({ method: e.method, pattern: compile(e.path) }));
  }

  allowedMethods(pathname: string): string[] {
    const methods = this.routes.filter((r) => r.pattern.test(pathname)).map((r) => r.method);
    return [...new Set(methods)].sort();
  }
}

function compile(path: string): RegExp {
  const body = path
    .replace(/\/+$/, '')
    .split('/')
    .map((segment) => (/^\{\w+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${body}/?$`);
}
