import type { OAuthProviderId } from '@lib/contracts';

import type { IdentityEnv } from '../config';

/** How a provider tells who the user is and whether the email is verified. */
export type ProfileStyle = 'oidc-userinfo' | 'github' | 'facebook' | 'apple-id-token';

/** The well-known facts about a provider; the operator supplies the client and may override the URLs. */
interface ProviderDefaults {
  name: string;
  icon: string;
  authorizeUrl: string;
  tokenUrl: string;
  userinfoUrl?: string;
  emailsUrl?: string;
  scope: string;
  profileStyle: ProfileStyle;
  /** Extra authorize parameters (Apple returns name and email only with form_post). */
  authorizeParams?: Record<string, string>;
  /** The `iss` of its id tokens (Apple). */
  issuer?: string;
}

/** A provider the operator configured: usable for the client callback flow. */
export interface ConfiguredProvider extends ProviderDefaults {
  id: OAuthProviderId;
  clientId: string;
  clientSecret: string;
}

export const PROVIDER_IDS: readonly OAuthProviderId[] = ['google', 'microsoft', 'apple', 'facebook', 'github'];

const DEFAULTS: Record<OAuthProviderId, ProviderDefaults> = {
  google: {
    name: 'Google',
    icon: 'google',
    authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    userinfoUrl: 'https://openidconnect.googleapis.com/v1/userinfo',
    scope: 'openid email profile',
    profileStyle: 'oidc-userinfo',
  },
  microsoft: {
    name: 'Microsoft',
    icon: 'microsoft',
    authorizeUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    tokenUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    userinfoUrl: 'https://graph.microsoft.com/oidc/userinfo',
    scope: 'openid email profile',
    profileStyle: 'oidc-userinfo',
  },
  apple: {
    name: 'Apple',
    icon: 'apple',
    authorizeUrl: 'https://appleid.apple.com/auth/authorize',
    tokenUrl: 'https://appleid.apple.com/auth/token',
    scope: 'name email',
    profileStyle: 'apple-id-token',
    authorizeParams: { response_mode: 'form_post' },
    issuer: 'https://appleid.apple.com',
  },
  facebook: {
    name: 'Facebook',
    icon: 'facebook',
    authorizeUrl: 'https://www.facebook.com/v19.0/dialog/oauth',
    tokenUrl: 'https://graph.facebook.com/v19.0/oauth/access_token',
    userinfoUrl: 'https://graph.facebook.com/v19.0/me?fields=id,name,email,picture',
    scope: 'email public_profile',
    profileStyle: 'facebook',
  },
  github: {
    name: 'GitHub',
    icon: 'github',
    authorizeUrl: 'https://github.com/login/oauth/authorize',
    tokenUrl: 'https://github.com/login/oauth/access_token',
    userinfoUrl: 'https://api.github.com/user',
    emailsUrl: 'https://api.github.com/user/emails',
    scope: 'read:user user:email',
    profileStyle: 'github',
  },
};

type EnvKey = keyof IdentityEnv & string;

/** The providers with a client id in the environment, in the catalogue's order, URLs overridden where set. */
export function configuredProviders(env: IdentityEnv): ConfiguredProvider[] {
  return PROVIDER_IDS.flatMap((id) => {
    const read = (suffix: string) => env[`OAUTH_${id.toUpperCase()}_${suffix}` as EnvKey] as string | undefined;
    const clientId = read('CLIENT_ID');
    const clientSecret = read('CLIENT_SECRET');
    if (!clientId || !clientSecret) return [];
    const defaults = DEFAULTS[id];
    return [
      {
        ...defaults,
        id,
        clientId,
        clientSecret,
        authorizeUrl: read('AUTHORIZE_URL') ?? defaults.authorizeUrl,
        tokenUrl: read('TOKEN_URL') ?? defaults.tokenUrl,
        userinfoUrl: read('USERINFO_URL') ?? defaults.userinfoUrl,
        emailsUrl: read('EMAILS_URL') ?? defaults.emailsUrl,
      },
    ];
  });
}
