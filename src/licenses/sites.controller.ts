import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ROLES } from '../auth/roles';
import { UuidParam } from '../common/uuid';
import { LicensesService } from './licenses.service';

/** A licensed site: one per license, identified by the license's id. */
@ApiTags('licenses')
@Controller('sites')
export class SitesController {
  constructor(private readonly licenses: LicensesService) {}

  @Get(':id/lifecycle')
  @Roles(...ROLES)
  @ApiOkResponse({
    description: '{ siteId, state, license, allowed, history }: history across applications and license',
  })
  lifecycle(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.licenses.lifecycle(id, user);
  }
}
