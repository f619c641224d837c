import { IsEmail, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

import type { SuccessBodyOf } from '../client/platform-client';
import type { PostAuthOauthInitiateBody } from '../generated/identity/auth.dto';
import type {
  changePassword,
  deleteAccount,
  forgotPassword,
  getMe,
  getRealtimeClientConfig,
  getTenantRole,
  leaveTenant,
  listMyTenants,
  listProviders,
  listUserTenants,
  login,
  logout,
  oauthExchange,
  oauthInitiate,
  oauthRegister,
  refresh,
  register,
  registerUser,
  resendVerification,
  resetPassword,
  resetPreferences,
  setDefaultTenant,
  switchTenant,
  updateMe,
  validateResetToken,
} from './auth.contract';

export class LeaveTenantParams {
  @IsUUID('loose', { message: 'tenantId must be a tenant id (UUID)' })
  tenantId: string;
}

/** GET /public/auth/user-tenants: the tenants of the account with this email (empty for unknown emails). */
export class UserTenantsQuery {
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;
}

/** GET /public/auth/validate-reset-token: the token from the reset link. */
export class ValidateResetTokenQuery {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;
}

// Response bodies of identity/auth: the catalogue's schemas, as generated into ResponseBodies.

export type RegisterResponse = SuccessBodyOf<typeof register>;
export type LoginResponse = SuccessBodyOf<typeof login>;
export type RefreshResponse = SuccessBodyOf<typeof refresh>;
export type LogoutResponse = SuccessBodyOf<typeof logout>;
export type MeResponse = SuccessBodyOf<typeof getMe>;
export type MeBody = MeResponse['user'];
export type UpdateMeResponse = SuccessBodyOf<typeof updateMe>;
export type ChangePasswordResponse = SuccessBodyOf<typeof changePassword>;
export type DeleteAccountResponse = SuccessBodyOf<typeof deleteAccount>;
export type ResetPreferencesResponse = SuccessBodyOf<typeof resetPreferences>;
export type ProvidersResponse = SuccessBodyOf<typeof listProviders>;
export type RegisterUserResponse = SuccessBodyOf<typeof registerUser>;
export type MyTenantsResponse = SuccessBodyOf<typeof listMyTenants>;
export type SwitchTenantResponse = SuccessBodyOf<typeof switchTenant>;
export type TenantRoleResponse = SuccessBodyOf<typeof getTenantRole>;
export type DefaultTenantResponse = SuccessBodyOf<typeof setDefaultTenant>;
export type LeaveTenantResponse = SuccessBodyOf<typeof leaveTenant>;
export type UserTenantsResponse = SuccessBodyOf<typeof listUserTenants>;
export type ForgotPasswordResponse = SuccessBodyOf<typeof forgotPassword>;
export type ValidateResetTokenResponse = SuccessBodyOf<typeof validateResetToken>;
export type ResetPasswordResponse = SuccessBodyOf<typeof resetPassword>;
export type ResendVerificationResponse = SuccessBodyOf<typeof resendVerification>;
export type OAuthInitiateResponse = SuccessBodyOf<typeof oauthInitiate>;
export type OAuthExchangeResponse = SuccessBodyOf<typeof oauthExchange>;
export type OAuthRegisterResponse = SuccessBodyOf<typeof oauthRegister>;
export type RealtimeClientConfigResponse = SuccessBodyOf<typeof getRealtimeClientConfig>;
export type OAuthProviderId = PostAuthOauthInitiateBody['provider'];
export type OAuthClientType = PostAuthOauthInitiateBody['clientType'];
