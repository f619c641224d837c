import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuthModule } from '../auth/auth.module';
import { UsersModule } from '../users/users.module';
import { ExternalIdentitiesRepository } from './external-identities.repository';
import { ExternalIdentityEntity } from './external-identity.entity';
import { OAuthProviderApiRepository } from './oauth-provider-api.repository';
import { OAuthProvidersService } from './oauth-providers.service';
import { OAuthSecretsService } from './oauth-secrets.service';
import { OAuthStatesRepository } from './oauth-states.repository';
import { OAuthHandler } from './oauth.handler';
import { OAuthService } from './oauth.service';
import { RegistrationTicketsRepository } from './registration-tickets.repository';

@Module({
  controllers: [OAuthHandler],
  imports: [AuthModule, TypeOrmModule.forFeature([ExternalIdentityEntity]), UsersModule],
  providers: [
    ExternalIdentitiesRepository,
    OAuthProviderApiRepository,
    OAuthProvidersService,
    OAuthSecretsService,
    OAuthService,
    OAuthStatesRepository,
    RegistrationTicketsRepository,
  ],
})
export class OAuthModule {}
