import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UuidParam } from '../common/uuid';
import { ChangeNoticesService } from './change-notices.service';
import { ApiBinary, ApiDoc, ApiProblems } from '../common/openapi/api-docs';
import { ChangeNoticeViolationView } from '../violations/dto/violation.views';

/** The routes a change notice adds to its dossier (the notice itself is filed through POST /applications). */
@ApiTags('applications')
@Controller('applications')
export class ChangeNoticesController {
  constructor(private readonly changeNotices: ChangeNoticesService) {}

  /** An inspector of the authority opens a violation from a late change notice, in one call (once). */
  @Post(':id/violation')
  @Roles('inspector')
  @ApiDoc(
    'Open a late change notice’s violation',
    'An inspector of the authority opens the violation of a change notice filed late, in one call (once).',
  )
  @ApiCreatedResponse({ type: ChangeNoticeViolationView })
  @ApiProblems(409, 422)
  openViolation(@Param('id', UuidParam) id: string, @CurrentUser() inspector: AuthenticatedUser) {
    return this.changeNotices.openViolation(id, inspector);
  }

  /** The authority's letter confirming the notified change, once APPROVED (409 before). Same bytes every time. */
  @Get(':id/confirmation.pdf')
  @Roles('site_owner', 'appraiser', 'approver', 'inspector', 'admin')
  @ApiProduces('application/pdf')
  @ApiDoc(
    'Change notice confirmation letter',
    'The authority’s letter confirming the notified change, once APPROVED (409 before); the same bytes every time.',
  )
  @ApiBinary(['application/pdf'], 'The confirmation letter')
  @ApiProblems(409)
  async confirmation(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser, @Res() res: Response) {
    const doc = await this.changeNotices.confirmationPdf(id, user);
    res
      .status(200)
      .type('application/pdf')
      .setHeader('ETag', `"${doc.sha256}"`)
      .setHeader('Content-Disposition', `inline; filename="${doc.fileName}"`)
      .setHeader('Cache-Control', 'private, no-cache')
      .send(doc.bytes);
  }
}
