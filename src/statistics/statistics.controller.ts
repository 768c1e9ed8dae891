import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { StatisticsQuery } from './dto/statistics.dto';
import { StatisticsService } from './statistics.service';
import { ApiDoc } from '../common/openapi/api-docs';
import { StatisticsView } from './statistics.view';

@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  /** The authority's half-yearly figures for a period (staff: their authority; admin: `authorityId` or all). */
  @Get()
  @Roles('approver', 'appraiser', 'admin')
  @ApiDoc(
    'Half-yearly figures',
    'The authority’s figures for a period (staff: their authority; admin: `authorityId` or all).',
  )
  @ApiOkResponse({ type: StatisticsView })
  compute(@Query() q: StatisticsQuery, @CurrentUser() user: AuthenticatedUser) {
    return this.statistics.compute(q, user);
  }
}
