import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from '../common/clock';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';

/** The working-day calendar and the injectable Clock, available to every module. */
@Global()
@Module({
  controllers: [CalendarController],
  providers: [CalendarService, CalendarRepository, { provide: Clock, useClass: SystemClock }],
  exports: [CalendarService, Clock],
})
export class CalendarModule {}
