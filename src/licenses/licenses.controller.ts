import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ROLES } from '../auth/roles';
import { UuidParam } from '../common/uuid';
import { AllowedTransitionsDto } from '../workflow/transition.dto';
import { LicensesQuery, LicenseTransitionDto, LicenseVersionQuery } from './dto/license.dto';
import { LicensesService } from './licenses.service';

@ApiTags('licenses')
@Controller('licenses')
export class LicensesController {
  constructor(private readonly licenses: LicensesService) {}

  /** Owners see their organization's licenses, staff their authority's, admin all. */
  @Get()
  @Roles(...ROLES)
  list(@Query() q: LicensesQuery, @CurrentUser() user: AuthenticatedUser) {
    return this.licenses.list(user, q);
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiOkResponse({ description: 'The license (or, with ?version=n, that version of it)' })
  get(@Param('id', UuidParam) id: string, @Query() q: LicenseVersionQuery, @CurrentUser() user: AuthenticatedUser) {
    return this.licenses.get(id, user, q.version);
  }

  @Get(':id/versions')
  @Roles(...ROLES)
  versions(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.licenses.versions(id, user);
  }

  /** The license document; the same version always yields the same bytes (ETag: their SHA-256). */
  @Get(':id/pdf')
  @Roles(...ROLES)
  @ApiProduces('application/pdf')
  async pdf(
    @Param('id', UuidParam) id: string,
    @Query() q: LicenseVersionQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const doc = await this.licenses.pdfOf(id, user, q.version);
    res
      .status(200)
      .type('application/pdf')
      .setHeader('ETag', `"${doc.sha256}"`)
      .setHeader('Content-Disposition', `inline; filename="${doc.fileName}"`)
      .setHeader('Cache-Control', 'private, no-cache')
      .send(doc.bytes);
  }

  @Get(':id/transitions')
  @Roles(...ROLES)
  allowed(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser): Promise<AllowedTransitionsDto> {
    return this.licenses.allowed(id, user);
  }

  /** SUSPEND, REINSTATE, REVOKE (approver) or SURRENDER (site owner): the `license` state machine. */
  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('site_owner', 'approver')
  transition(
    @Param('id', UuidParam) id: string,
    @Body() dto: LicenseTransitionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.licenses.transition(id, dto, user);
  }
}
