import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ApiKeysModule } from '../api-keys/api-keys.module';
import { SessionsModule } from '../sessions/sessions.module';
import { TenantsModule } from '../tenants/tenants.module';
import { UsersModule } from '../users/users.module';
import { AuthInternalHandler } from './auth-internal.handler';
import { AuthHandler } from './auth.handler';
import { AuthService } from './auth.service';
import { ClientConfigService } from './client-config.service';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { OneTimeTokenEntity } from './one-time-token.entity';
import { OneTimeTokensRepository } from './one-time-tokens.repository';
import { PasswordsService } from './passwords.service';
import { RecoveryService } from './recovery.service';
import { TokensService } from './tokens.service';

@Module({
  controllers: [AuthHandler, AuthInternalHandler],
  exports: [AuthService, PasswordsService],
  imports: [ApiKeysModule, SessionsModule, TenantsModule, TypeOrmModule.forFeature([OneTimeTokenEntity]), UsersModule],
  providers: [AuthService, ClientConfigService, LoginAttemptsRepository, OneTimeTokensRepository, PasswordsService, RecoveryService, TokensService],
})
export class AuthModule {}
