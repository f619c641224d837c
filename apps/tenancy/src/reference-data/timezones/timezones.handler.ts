import { Controller } from '@nestjs/common';

import {
  getTimezone,
  listTimezoneRegions,
  listTimezones,
  type TimezoneListResponse,
  type TimezoneRegionsResponse,
  type TimezoneResponse,
} from '@lib/contracts';
import { Handles, type RequestOf } from '@lib/transport';

import { TimezonesService } from './timezones.service';

@Controller()
export class TimezonesHandler {
  constructor(private readonly timezones: TimezonesService) {}

  @Handles(listTimezones)
  list(request: RequestOf<typeof listTimezones>): TimezoneListResponse {
    return this.timezones.list(request.query);
  }

  @Handles(listTimezoneRegions)
  regions(): TimezoneRegionsResponse {
    return this.timezones.regions();
  }

  @Handles(getTimezone)
  get(request: RequestOf<typeof getTimezone>): TimezoneResponse {
    return this.timezones.get(request.params.name);
  }
}
