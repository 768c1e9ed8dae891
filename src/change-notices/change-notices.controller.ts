import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UuidParam } from '../common/uuid';
import { ChangeNoticesService } from './change-notices.service';

/** The routes a change notice adds to its dossier (the notice itself is filed through POST /applications). */
@ApiTags('applications')
@Controller('applications')
export class ChangeNoticesController {
  constructor(private readonly changeNotices: ChangeNoticesService) {}

  /** An inspector of the authority opens a violation from a late change notice, in one call (once). */
  @Post(':id/violation')
  @Roles('inspector')
  @ApiCreatedResponse({ description: '{ applicationId, applicationVersion, violation } — the violation is OPEN' })
  openViolation(@Param('id', UuidParam) id: string, @CurrentUser() inspector: AuthenticatedUser) {
    return this.changeNotices.openViolation(id, inspector);
  }

  /** The authority's letter confirming the notified change, once APPROVED (409 before). Same bytes every time. */
  @Get(':id/confirmation.pdf')
  @Roles('site_owner', 'appraiser', 'approver', 'inspector', 'admin')
  @ApiProduces('application/pdf')
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
