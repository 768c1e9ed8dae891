import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ROLES } from '../auth/roles';
import { UuidParam } from '../common/uuid';
import { AllowedTransitionsDto } from '../workflow/transition.dto';
import { LicensesQuery, LicenseTransitionDto, LicenseVersionQuery } from './dto/license.dto';
import { LicensesService } from './licenses.service';
import { ApiList, ApiBinary, ApiDoc, ApiPage, ApiProblems } from '../common/openapi/api-docs';
import { ApiExtraModels, getSchemaPath } from '@nestjs/swagger';
import { LicenseVersionSummaryView, LicenseVersionView, LicenseView } from './dto/license.view';

@ApiTags('licenses')
@Controller('licenses')
export class LicensesController {
  constructor(private readonly licenses: LicensesService) {}

  /** Owners see their organization's licenses, staff their authority's, admin all. */
  @Get()
  @Roles(...ROLES)
  @ApiDoc(
    'List licenses',
    'Owners see their organization’s licenses, staff their authority’s, the admin all; filter by status and search text.',
  )
  @ApiPage(LicenseView)
  list(@Query() q: LicensesQuery, @CurrentUser() user: AuthenticatedUser) {
    return this.licenses.list(user, q);
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiDoc('Read a license', 'The license; with `?version=n`, that version of its document.')
  @ApiExtraModels(LicenseView, LicenseVersionView)
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(LicenseView) }, { $ref: getSchemaPath(LicenseVersionView) }] },
  })
  get(@Param('id', UuidParam) id: string, @Query() q: LicenseVersionQuery, @CurrentUser() user: AuthenticatedUser) {
    return this.licenses.get(id, user, q.version);
  }

  @Get(':id/versions')
  @Roles(...ROLES)
  @ApiDoc('A license’s versions', 'Every version of the license document, oldest first.')
  @ApiList(LicenseVersionSummaryView, 1000)
  versions(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.licenses.versions(id, user);
  }

  /** The license document; the same version always yields the same bytes (ETag: their SHA-256). */
  @Get(':id/pdf')
  @Roles(...ROLES)
  @ApiProduces('application/pdf')
  @ApiDoc(
    'The license PDF',
    'The license in Vietnamese with its QR code; the same version always yields the same bytes (ETag: their SHA-256).',
  )
  @ApiBinary(['application/pdf'], 'The license document')
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
  @ApiDoc('Events allowed now', 'The license’s status and version and the events this caller may fire.')
  @ApiOkResponse({ type: AllowedTransitionsDto })
  allowed(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser): Promise<AllowedTransitionsDto> {
    return this.licenses.allowed(id, user);
  }

  /** SUSPEND, REINSTATE, REVOKE (approver) or SURRENDER (site owner): the `license` state machine. */
  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('site_owner', 'approver')
  @ApiDoc(
    'Fire a license event',
    'SUSPEND (until, reason, decision number), REINSTATE, REVOKE (approver) or SURRENDER (site owner).',
  )
  @ApiOkResponse({ type: LicenseView })
  @ApiProblems(409, 422)
  transition(
    @Param('id', UuidParam) id: string,
    @Body() dto: LicenseTransitionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.licenses.transition(id, dto, user);
  }
}
