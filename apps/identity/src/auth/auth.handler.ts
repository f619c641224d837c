import { Controller } from '@nestjs/common';

import {
  changePassword,
  deleteAccount,
  forgotPassword,
  getMe,
  getRealtimeClientConfig,
  login,
  logout,
  refresh,
  register,
  registerUser,
  resendVerification,
  resetPassword,
  resetPreferences,
  updateMe,
  validateResetToken,
  type ChangePasswordResponse,
  type DeleteAccountResponse,
  type ForgotPasswordResponse,
  type LoginResponse,
  type LogoutResponse,
  type MeResponse,
  type RealtimeClientConfigResponse,
  type RefreshResponse,
  type RegisterResponse,
  type RegisterUserResponse,
  type ResendVerificationResponse,
  type ResetPasswordResponse,
  type ResetPreferencesResponse,
  type UpdateMeResponse,
  type ValidateResetTokenResponse,
} from '@lib/contracts';
import { Handles, type RequestOf } from '@lib/transport';

import { AuthService } from './auth.service';
import { ClientConfigService } from './client-config.service';
import { RecoveryService } from './recovery.service';

@Controller()
export class AuthHandler {
  constructor(
    private readonly auth: AuthService,
    private readonly recovery: RecoveryService,
    private readonly clientConfig: ClientConfigService,
  ) {}

  @Handles(register)
  register(request: RequestOf<typeof register>): Promise<RegisterResponse> {
    return this.auth.register(request.context, request.body);
  }

  @Handles(login)
  login(request: RequestOf<typeof login>): Promise<LoginResponse> {
    return this.auth.login(request.context, request.body);
  }

  @Handles(refresh)
  refresh(request: RequestOf<typeof refresh>): Promise<RefreshResponse> {
    return this.auth.refresh(request.context, request.body);
  }

  @Handles(logout)
  logout(request: RequestOf<typeof logout>): Promise<LogoutResponse> {
    return this.auth.logout(request.context);
  }

  @Handles(getMe)
  me(request: RequestOf<typeof getMe>): Promise<MeResponse> {
    return this.auth.me(request.context);
  }

  @Handles(updateMe)
  updateMe(request: RequestOf<typeof updateMe>): Promise<UpdateMeResponse> {
    return this.auth.updateMe(request.context, request.body);
  }

  @Handles(changePassword)
  changePassword(request: RequestOf<typeof changePassword>): Promise<ChangePasswordResponse> {
    return this.auth.changePassword(request.context, request.body);
  }

  @Handles(deleteAccount)
  deleteAccount(request: RequestOf<typeof deleteAccount>): Promise<DeleteAccountResponse> {
    return this.auth.deleteAccount(request.context);
  }

  @Handles(resetPreferences)
  resetPreferences(request: RequestOf<typeof resetPreferences>): Promise<ResetPreferencesResponse> {
    return this.auth.resetPreferences(request.context);
  }

  @Handles(registerUser)
  registerUser(request: RequestOf<typeof registerUser>): Promise<RegisterUserResponse> {
    return this.auth.registerUser(request.context, request.body);
  }

  @Handles(forgotPassword)
  forgotPassword(request: RequestOf<typeof forgotPassword>): Promise<ForgotPasswordResponse> {
    return this.recovery.forgotPassword(request.context, request.body.email);
  }

  @Handles(validateResetToken)
  validateResetToken(request: RequestOf<typeof validateResetToken>): Promise<ValidateResetTokenResponse> {
    return this.recovery.validateResetToken(request.query.token);
  }

  @Handles(resetPassword)
  resetPassword(request: RequestOf<typeof resetPassword>): Promise<ResetPasswordResponse> {
    return this.recovery.resetPassword(request.context, request.body.token, request.body.password);
  }

  @Handles(resendVerification)
  resendVerification(request: RequestOf<typeof resendVerification>): Promise<ResendVerificationResponse> {
    return this.recovery.resendVerification(request.context, request.body.email);
  }

  @Handles(getRealtimeClientConfig)
  realtimeClientConfig(): RealtimeClientConfigResponse {
    return this.clientConfig.realtime();
  }
}
