import { Controller } from '@nestjs/common';

import {
  getTimezone,
  listTimezoneRegions,
  listTimezones,
  type DataResponse,
  type TimezoneBody,
  type TimezoneListBody,
} from '@lib/contracts';
import { Handles, type RequestOf } from '@lib/transport';

import { TimezonesService } from './timezones.service';

@Controller()
export class TimezonesHandler {
  constructor(private readonly timezones: TimezonesService) {}

  @Handles(listTimezones)
  list(request: RequestOf<typeof listTimezones>): DataResponse<TimezoneListBody> {
    return this.timezones.list(request.query);
  }

  @Handles(listTimezoneRegions)
  regions(): DataResponse<string[]> {
    return this.timezones.regions();
  }

  @Handles(getTimezone)
  get(request: RequestOf<typeof getTimezone>): DataResponse<TimezoneBody> {
    return this.timezones.get(request.params.name);
  }
}
