import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { SchedulerService } from './scheduler.service';

@ApiTags('scheduler')
@Controller('scheduler')
export class SchedulerController {
  constructor(private readonly scheduler: SchedulerService) {}

  /** Runs every daily job now, even those that already ran today (they are idempotent). */
  @Post('run')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: '{ today, jobs: [{ job, status, result? }] }' })
  run() {
    return this.scheduler.runDaily(undefined, { force: true });
  }
}
