import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { MembershipEntity } from './membership.entity';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

@Module({
  exports: [UsersRepository],
  imports: [TypeOrmModule.forFeature([MembershipEntity, UserEntity])],
  providers: [UsersRepository],
})
export class UsersModule {}
