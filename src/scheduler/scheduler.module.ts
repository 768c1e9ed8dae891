import { Global, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { SchedulerController } from './scheduler.controller';
import { SchedulerService } from './scheduler.service';

/**
 * The daily job runner. Feature modules register their jobs (SchedulerService.registerJob) when they initialize.
 * ScheduleModule only holds the timers; none is created unless SCHEDULER_ENABLED (off in tests).
 */
@Global()
@Module({
  imports: [ScheduleModule.forRoot()],
  controllers: [SchedulerController],
  providers: [SchedulerService],
  exports: [SchedulerService],
})
export class SchedulerModule {}
