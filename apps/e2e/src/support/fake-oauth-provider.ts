import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** A user at the fake provider, shaped like GitHub's /user and /user/emails. */
export interface FakeAccount {
  id: number;
  login: string;
  name: string | null;
  avatarUrl?: string;
  emails: { email: string; verified: boolean; primary: boolean }[];
}

interface IssuedCode {
  account: FakeAccount;
  clientId: string;
  redirectUri: string;
  challenge: string;
}

/** What identity sent to the token endpoint, for assertions (never printed). */
export interface TokenRequest {
  clientId: string | null;
  clientSecret: string | null;
  redirectUri: string | null;
  codeVerifier: string | null;
}

/**
 * A small OAuth2 provider speaking GitHub's dialect (node:http, in the e2e process): authorize redirects
 * to the client callback with a code for the account the test chose, the token endpoint checks client
 * credentials, redirect_uri and the PKCE verifier (S256) and spends the code, /user and /user/emails
 * answer for the access token. Identity reaches it through the test profile's OAUTH_GITHUB_* URLs.
 */
export class FakeOAuthProvider {
  readonly tokenRequests: TokenRequest[] = [];
  private readonly codes = new Map<string, IssuedCode>();
  private readonly tokens = new Map<string, FakeAccount>();
  private server?: Server;
  private nextAccount?: FakeAccount;

  constructor(
    private readonly port: number,
    private readonly client: { id: string; secret: string },
  ) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.route(req, res).catch(() => send(res, 500, { error: 'server_error' }));
    });
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The account that "signs in" on the next authorize request. */
  signInAs(account: FakeAccount): void {
    this.nextAccount = account;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${this.port}`);
    if (req.method === 'GET' && url.pathname === '/login/oauth/authorize') return this.authorize(url, res);
    if (req.method === 'POST' && url.pathname === '/login/oauth/access_token') return this.token(await readBody(req), res);
    const account = this.tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (!account) return send(res, 401, { message: 'Bad credentials' });
    if (req.method === 'GET' && url.pathname === '/user') {
      return send(res, 200, { id: account.id, login: account.login, name: account.name, avatar_url: account.avatarUrl ?? null });
    }
    if (req.method === 'GET' && url.pathname === '/user/emails') return send(res, 200, account.emails);
    send(res, 404, { message: 'Not Found' });
  }

  private authorize(url: URL, res: ServerResponse): void {
    const params = url.searchParams;
    const account = this.nextAccount;
    if (!account || params.get('client_id') !== this.client.id || params.get('code_challenge_method') !== 'S256') {
      return send(res, 400, { error: 'invalid_request' });
    }
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, {
      account,
      clientId: params.get('client_id') ?? '',
      redirectUri: params.get('redirect_uri') ?? '',
      challenge: params.get('code_challenge') ?? '',
    });
    const callback = new URL(params.get('redirect_uri') ?? '');
    callback.searchParams.set('code', code);
    callback.searchParams.set('state', params.get('state') ?? '');
    res.writeHead(302, { location: callback.href }).end();
  }

  private token(form: URLSearchParams, res: ServerResponse): void {
    const request: TokenRequest = {
      clientId: form.get('client_id'),
      clientSecret: form.get('client_secret'),
      redirectUri: form.get('redirect_uri'),
      codeVerifier: form.get('code_verifier'),
    };
    this.tokenRequests.push(request);
    const code = form.get('code') ?? '';
    const issued = this.codes.get(code);
    this.codes.delete(code);
    const verifierMatches = createHash('sha256').update(request.codeVerifier ?? '').digest('base64url') === issued?.challenge;
    const clientMatches = request.clientId === this.client.id && request.clientSecret === this.client.secret;
    if (!issued || !clientMatches || request.redirectUri !== issued.redirectUri || !verifierMatches || form.get('grant_type') !== 'authorization_code') {
      return send(res, 400, { error: 'bad_verification_code' });
    }
    const accessToken = `gho_${randomBytes(16).toString('hex')}`;
    this.tokens.set(accessToken, issued.account);
    send(res, 200, { access_token: accessToken, token_type: 'bearer', scope: 'read:user,user:email' });
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
