import { DomainError, ErrorCode, type OAuthClientType } from '@lib/contracts';

/** The schemes each client type may be sent back to (the catalogue: https://, chrome-extension://, app://). */
const SCHEMES_BY_CLIENT: Record<OAuthClientType, readonly string[]> = {
  web: ['https:'],
  extension: ['chrome-extension:'],
  desktop: ['app:'],
  mobile: ['app:', 'https:'],
};

interface AllowedPrefix {
  protocol: string;
  host: string;
  path: string;
}

/**
 * The operator's list of client callback URLs (OAUTH_ALLOWED_REDIRECT_URLS). A redirect URL is allowed when
 * it has the same scheme and host (with port) as an entry and its path starts with the entry's path at a
 * segment boundary: plain string prefixes would let `https://app.example.com.evil.test` through.
 */
export class RedirectAllowlist {
  private readonly prefixes: AllowedPrefix[];

  constructor(entries: readonly string[]) {
    this.prefixes = entries.map(parsePrefix);
  }

  /** The normalized URL, or a 400 OAUTH_REDIRECT_NOT_ALLOWED that says why. */
  check(redirectUrl: string, clientType: OAuthClientType): string {
    const url = parseRedirect(redirectUrl);
    if (!SCHEMES_BY_CLIENT[clientType].includes(url.protocol)) {
      const schemes = SCHEMES_BY_CLIENT[clientType].map((s) => `${s}//`).join(' or ');
      throw notAllowed(`A ${clientType} client must use a ${schemes} redirectUrl.`);
    }
    if (!this.prefixes.some((prefix) => matches(prefix, url))) {
      throw notAllowed('redirectUrl is not one of the callback URLs this platform allows (OAUTH_ALLOWED_REDIRECT_URLS).');
    }
    return url.href;
  }
}

function parsePrefix(entry: string): AllowedPrefix {
  const url = new URL(entry);
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { protocol: url.protocol, host: url.host.toLowerCase(), path };
}

function parseRedirect(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw notAllowed('redirectUrl must be an absolute URL.');
  }
  if (url.username || url.password || url.hash) throw notAllowed('redirectUrl must not carry credentials or a fragment.');
  if (!url.host) throw notAllowed('redirectUrl must name a host.');
  return url;
}

function matches(prefix: AllowedPrefix, url: URL): boolean {
  if (url.protocol !== prefix.protocol || url.host.toLowerCase() !== prefix.host) return false;
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return path.startsWith(prefix.path);
}

function notAllowed(message: string): DomainError {
  return new DomainError(ErrorCode.OAuthRedirectNotAllowed, 400, message);
}
