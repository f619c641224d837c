import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { RevocationsRepository } from './revocations.repository';
import { SessionEntity } from './session.entity';
import { SessionsRepository } from './sessions.repository';

@Module({
  exports: [RevocationsRepository, SessionsRepository],
  imports: [TypeOrmModule.forFeature([SessionEntity])],
  providers: [RevocationsRepository, SessionsRepository],
})
export class SessionsModule {}
