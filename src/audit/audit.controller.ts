import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { offsetOf, PageQuery, pageOf } from '../common/pagination';
import { AuditService } from './audit.service';
import { ApiDoc, ApiPage } from '../common/openapi/api-docs';
import { AuditEventView, AuditVerifyView } from './audit.view';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) entityId?: string;
}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Append-only events, oldest first. Staff see their authority's events; the admin sees all. */
  @Get()
  @Roles('appraiser', 'approver', 'inspector', 'admin')
  @ApiDoc('Audit events', 'Append-only events, oldest first. Staff see their authority’s events; the admin sees all.')
  @ApiPage(AuditEventView)
  async list(@Query() q: AuditQuery, @CurrentUser() user: AuthenticatedUser) {
    const { rows, total } = await this.audit.list({
      entityType: q.entityType,
      entityId: q.entityId,
      authorityId: user.role === 'admin' ? undefined : (user.authorityId ?? undefined),
      limit: q.pageSize,
      offset: offsetOf(q),
    });
    return pageOf(rows, total, q);
  }

  /** Walks the whole chain and names the first event whose link or content does not check. */
  @Get('verify')
  @Roles('admin')
  @ApiDoc(
    'Verify the audit chain',
    'Walks the whole hash chain and names the first event whose link or content does not check.',
  )
  @ApiOkResponse({ type: AuditVerifyView })
  verify() {
    return this.audit.verify();
  }
}
