import { Module } from '@nestjs/common';

import { Clock } from '../common/clock';
import { TimezonesHandler } from './timezones.handler';
import { TimezonesService } from './timezones.service';

/** No table: zones and their rules come from the runtime's ICU data. */
@Module({
  controllers: [TimezonesHandler],
  providers: [Clock, TimezonesService],
})
export class TimezonesModule {}
