import { endpoint } from '../endpoint';
import {
  PatchAuthDefaultTenantBody,
  PatchAuthMeBody,
  PostAuthForgotPasswordBody,
  PostAuthLoginBody,
  PostAuthMeChangePasswordBody,
  PostAuthOauthExchangeBody,
  PostAuthOauthInitiateBody,
  PostAuthOauthRegisterBody,
  PostAuthRefreshBody,
  PostAuthRegisterBody,
  PostAuthRegisterUserBody,
  PostAuthResendVerificationBody,
  PostAuthResetPasswordBody,
  PostAuthSwitchTenantBody,
} from '../generated/identity/auth.dto';
import { LeaveTenantParams, UserTenantsQuery, ValidateResetTokenQuery } from './auth.dto';

// Accounts, tokens and sessions (identity/auth). Public routes are rate limited per account and address
// inside identity (login) and per IP at the gateway.

export const register = endpoint({
  id: 'identity.auth.register',
  method: 'POST',
  path: '/api/v1/public/auth/register',
  access: 'public',
  status: 201,
  body: PostAuthRegisterBody,
});

export const login = endpoint({
  id: 'identity.auth.login',
  method: 'POST',
  path: '/api/v1/public/auth/login',
  access: 'public',
  status: 200,
  body: PostAuthLoginBody,
});

export const refresh = endpoint({
  id: 'identity.auth.refresh',
  method: 'POST',
  path: '/api/v1/public/auth/refresh',
  access: 'public',
  status: 200,
  body: PostAuthRefreshBody,
});

export const logout = endpoint({
  id: 'identity.auth.logout',
  method: 'POST',
  path: '/api/v1/secure/auth/logout',
  access: 'authenticated',
  status: 200,
});

export const getMe = endpoint({
  id: 'identity.auth.me',
  method: 'GET',
  path: '/api/v1/secure/auth/me',
  access: 'authenticated',
  status: 200,
});

export const updateMe = endpoint({
  id: 'identity.auth.update-me',
  method: 'PATCH',
  path: '/api/v1/secure/auth/me',
  access: 'authenticated',
  status: 200,
  body: PatchAuthMeBody,
});

export const changePassword = endpoint({
  id: 'identity.auth.change-password',
  method: 'POST',
  path: '/api/v1/secure/auth/me/change-password',
  access: 'authenticated',
  status: 200,
  body: PostAuthMeChangePasswordBody,
});

export const deleteAccount = endpoint({
  id: 'identity.auth.delete-account',
  method: 'DELETE',
  path: '/api/v1/secure/auth/account',
  access: 'authenticated',
  status: 200,
});

export const resetPreferences = endpoint({
  id: 'identity.auth.reset-preferences',
  method: 'DELETE',
  path: '/api/v1/secure/auth/me/preferences',
  access: 'authenticated',
  status: 200,
});

export const listProviders = endpoint({
  id: 'identity.auth.providers',
  method: 'GET',
  path: '/api/v1/public/auth/providers',
  access: 'public',
  status: 200,
});

export const registerUser = endpoint({
  id: 'identity.auth.register-user',
  method: 'POST',
  path: '/api/v1/public/auth/register-user',
  access: 'public',
  status: 201,
  body: PostAuthRegisterUserBody,
});

export const listMyTenants = endpoint({
  id: 'identity.auth.tenants',
  method: 'GET',
  path: '/api/v1/secure/auth/tenants',
  access: 'authenticated',
  status: 200,
});

export const switchTenant = endpoint({
  id: 'identity.auth.switch-tenant',
  method: 'POST',
  path: '/api/v1/secure/auth/switch-tenant',
  access: 'authenticated',
  status: 200,
  body: PostAuthSwitchTenantBody,
});

export const getTenantRole = endpoint({
  id: 'identity.auth.tenant-role',
  method: 'GET',
  path: '/api/v1/secure/auth/tenant-role',
  access: 'authenticated',
  status: 200,
});

export const setDefaultTenant = endpoint({
  id: 'identity.auth.default-tenant',
  method: 'PATCH',
  path: '/api/v1/secure/auth/default-tenant',
  access: 'authenticated',
  status: 200,
  body: PatchAuthDefaultTenantBody,
});

export const leaveTenant = endpoint({
  id: 'identity.auth.leave-tenant',
  method: 'POST',
  path: '/api/v1/secure/auth/leave-tenant/{tenantId}',
  access: 'authenticated',
  status: 200,
  params: LeaveTenantParams,
});

export const listUserTenants = endpoint({
  id: 'identity.auth.user-tenants',
  method: 'GET',
  path: '/api/v1/public/auth/user-tenants',
  access: 'public',
  status: 200,
  query: UserTenantsQuery,
});

export const forgotPassword = endpoint({
  id: 'identity.auth.forgot-password',
  method: 'POST',
  path: '/api/v1/public/auth/forgot-password',
  access: 'public',
  status: 200,
  body: PostAuthForgotPasswordBody,
});

export const validateResetToken = endpoint({
  id: 'identity.auth.validate-reset-token',
  method: 'GET',
  path: '/api/v1/public/auth/validate-reset-token',
  access: 'public',
  status: 200,
  query: ValidateResetTokenQuery,
});

export const resetPassword = endpoint({
  id: 'identity.auth.reset-password',
  method: 'POST',
  path: '/api/v1/public/auth/reset-password',
  access: 'public',
  status: 200,
  body: PostAuthResetPasswordBody,
});

export const resendVerification = endpoint({
  id: 'identity.auth.resend-verification',
  method: 'POST',
  path: '/api/v1/public/auth/resend-verification',
  access: 'public',
  status: 200,
  body: PostAuthResendVerificationBody,
});

export const oauthInitiate = endpoint({
  id: 'identity.auth.oauth-initiate',
  method: 'POST',
  path: '/api/v1/public/auth/oauth/initiate',
  access: 'public',
  status: 200,
  body: PostAuthOauthInitiateBody,
});

export const oauthExchange = endpoint({
  id: 'identity.auth.oauth-exchange',
  method: 'POST',
  path: '/api/v1/public/auth/oauth/exchange',
  access: 'public',
  status: 200,
  body: PostAuthOauthExchangeBody,
});

export const oauthRegister = endpoint({
  id: 'identity.auth.oauth-register',
  method: 'POST',
  path: '/api/v1/public/auth/oauth/register',
  access: 'public',
  status: 201,
  body: PostAuthOauthRegisterBody,
});

export const getRealtimeClientConfig = endpoint({
  id: 'identity.auth.realtime-client-config',
  method: 'GET',
  path: '/api/v1/secure/auth/client-config/realtime',
  access: 'authenticated',
  status: 200,
});

export const authEndpoints = [
  register,
  login,
  refresh,
  logout,
  getMe,
  updateMe,
  changePassword,
  deleteAccount,
  resetPreferences,
  listProviders,
  registerUser,
  listMyTenants,
  switchTenant,
  getTenantRole,
  setDefaultTenant,
  leaveTenant,
  listUserTenants,
  forgotPassword,
  validateResetToken,
  resetPassword,
  resendVerification,
  oauthInitiate,
  oauthExchange,
  oauthRegister,
  getRealtimeClientConfig,
];
