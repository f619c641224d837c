import type { RpcErrorPayload } from './context';

/** Stable error codes: the `error` field of every error envelope. Clients may switch on them. */
export const ErrorCode = {
  BadRequest: 'BAD_REQUEST',
  ValidationFailed: 'VALIDATION_FAILED',
  Unauthorized: 'UNAUTHORIZED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  MethodNotAllowed: 'METHOD_NOT_ALLOWED',
  Conflict: 'CONFLICT',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  TooManyRequests: 'TOO_MANY_REQUESTS',
  Internal: 'INTERNAL_ERROR',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  NotReady: 'NOT_READY',
  GatewayTimeout: 'GATEWAY_TIMEOUT',
  TenantInactive: 'TENANT_INACTIVE',
  SessionRevoked: 'SESSION_REVOKED',
  CountryNotFound: 'COUNTRY_NOT_FOUND',
  CurrencyNotFound: 'CURRENCY_NOT_FOUND',
  LanguageNotFound: 'LANGUAGE_NOT_FOUND',
  PhoneCodeNotFound: 'PHONE_CODE_NOT_FOUND',
  TimezoneNotFound: 'TIMEZONE_NOT_FOUND',
  TenantNotFound: 'TENANT_NOT_FOUND',
  TenantDomainTaken: 'TENANT_DOMAIN_TAKEN',
  InvalidLifecycleTransition: 'INVALID_LIFECYCLE_TRANSITION',
  LanguageSyncJobNotFound: 'LANGUAGE_SYNC_JOB_NOT_FOUND',
  ApiKeyNotFound: 'API_KEY_NOT_FOUND',
  EmailTaken: 'EMAIL_TAKEN',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  InvalidRefreshToken: 'INVALID_REFRESH_TOKEN',
  TooManyLoginAttempts: 'TOO_MANY_LOGIN_ATTEMPTS',
  UserNotFound: 'USER_NOT_FOUND',
  MembershipNotFound: 'MEMBERSHIP_NOT_FOUND',
  LastOwner: 'LAST_OWNER',
  InvalidResetToken: 'INVALID_RESET_TOKEN',
  OAuthProviderNotConfigured: 'OAUTH_PROVIDER_NOT_CONFIGURED',
  OAuthRedirectNotAllowed: 'OAUTH_REDIRECT_NOT_ALLOWED',
  OAuthStateInvalid: 'OAUTH_STATE_INVALID',
  OAuthCodeRejected: 'OAUTH_CODE_REJECTED',
  OAuthEmailNotVerified: 'OAUTH_EMAIL_NOT_VERIFIED',
  OAuthProviderUnavailable: 'OAUTH_PROVIDER_UNAVAILABLE',
  OAuthTicketInvalid: 'OAUTH_TICKET_INVALID',
  OAuthRegistrationModeUnavailable: 'OAUTH_REGISTRATION_MODE_UNAVAILABLE',
  RealtimeNotConfigured: 'REALTIME_NOT_CONFIGURED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * An error a caller can act on. Services throw it; it crosses NATS as its payload
 * (`instanceof` does not survive serialization) and the gateway renders the envelope.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
    /** What went wrong underneath (a driver's message, say): logged by the service, never sent to the caller. */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'DomainError';
  }

  static notFound(code: ErrorCode, message: string): DomainError {
    return new DomainError(code, 404, message);
  }

  toPayload(): RpcErrorPayload {
    return { code: this.code, status: this.status, message: this.message, details: this.details };
  }
}

export function isRpcErrorPayload(value: unknown): value is RpcErrorPayload {
  const v = value as RpcErrorPayload | null;
  return typeof v === 'object' && v !== null && typeof v.code === 'string' && typeof v.status === 'number';
}

/** The contract's StandardErrorResponse. */
export interface ErrorEnvelope {
  error: string;
  message: string;
  statusCode: number;
  requestId: string | null;
  details?: Record<string, unknown>;
  timestamp: string;
}
