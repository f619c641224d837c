import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { MembershipEntity } from './membership.entity';
import { UserEntity } from './user.entity';
import { UsersInternalHandler } from './users-internal.handler';
import { UsersRepository } from './users.repository';

@Module({
  controllers: [UsersInternalHandler],
  exports: [UsersRepository],
  imports: [TypeOrmModule.forFeature([MembershipEntity, UserEntity])],
  providers: [UsersRepository],
})
export class UsersModule {}
