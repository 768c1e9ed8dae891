import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { SchedulerService } from './scheduler.service';
import { ApiDoc } from '../common/openapi/api-docs';
import { SchedulerRunView } from './scheduler.view';

@ApiTags('scheduler')
@Controller('scheduler')
export class SchedulerController {
  constructor(private readonly scheduler: SchedulerService) {}

  /** Runs every daily job now, even those that already ran today (they are idempotent). */
  @Post('run')
  @HttpCode(200)
  @Roles('admin')
  @ApiDoc(
    'Run the daily jobs now',
    'Runs every daily job (expiry, reminders, escalations) now, even those that already ran today; they are idempotent.',
  )
  @ApiOkResponse({ type: SchedulerRunView })
  run() {
    return this.scheduler.runDaily(undefined, { force: true });
  }
}
