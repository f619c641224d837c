import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import { isUuid, userNames, type InternalRequest } from '@lib/contracts';
import { HandlesInternal } from '@lib/transport';

import { UsersRepository } from './users.repository';

/** A page of activity names a few users; more than this in one call is a caller's mistake. */
const MAX_USERS = 100;

/** Other services' questions about users (e.g. audit naming who did what); never routed by the gateway. */
@Controller()
export class UsersInternalHandler {
  constructor(private readonly users: UsersRepository) {}

  @HandlesInternal(userNames)
  userNames(@Payload() request: InternalRequest<{ userIds: string[] }>): Promise<Record<string, string>> {
    const ids = Array.isArray(request.body?.userIds) ? request.body.userIds.filter(isUuid) : [];
    return this.users.namesOf([...new Set(ids)].slice(0, MAX_USERS));
  }
}
