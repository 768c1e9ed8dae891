import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ROLES } from '../auth/roles';
import { UuidParam } from '../common/uuid';
import { LicensesService } from './licenses.service';
import { ApiDoc } from '../common/openapi/api-docs';
import { LIFECYCLE_LIST_MAX, SiteLifecycleView } from './dto/license.view';

/** A licensed site: one per license, identified by the license's id. */
@ApiTags('licenses')
@Controller('sites')
export class SitesController {
  constructor(private readonly licenses: LicensesService) {}

  @Get(':id/lifecycle')
  @Roles(...ROLES)
  @ApiDoc(
    'A site’s lifecycle',
    'The site’s license, the events the caller may fire, and the history across its dossiers and license.',
  )
  @ApiOkResponse({ type: SiteLifecycleView })
  async lifecycle(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    const l = await this.licenses.lifecycle(id, user);
    // The bound the document declares (no site comes near it: a few dozen events over a license's life).
    return {
      ...l,
      applicationIds: l.applicationIds.slice(0, LIFECYCLE_LIST_MAX),
      history: l.history.slice(0, LIFECYCLE_LIST_MAX),
    };
  }
}
