import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/access.decorators';
import { ROLES } from '../auth/roles';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UuidParam } from '../common/uuid';
import { AuthoritiesService } from './authorities.service';
import { Authority } from './authority.entity';
import { CreateAuthorityDto, StaffMemberDto, StaffQuery } from './dto/authority.dto';
import { ApiList, ApiDoc, ApiProblems } from '../common/openapi/api-docs';
import { AuthorityView } from './dto/authority.view';

export function authorityView(a: Authority) {
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    province: a.province,
    parentBody: a.parentBody,
    licenseNumberSuffix: a.licenseNumberSuffix,
    signerTitle: a.signerTitle,
    signerName: a.signerName,
    timeZone: a.timeZone,
    functionBasis: a.functionBasis,
  };
}

@ApiTags('authorities')
@Controller('authorities')
export class AuthoritiesController {
  constructor(private readonly authorities: AuthoritiesService) {}

  @Post()
  @Roles('admin')
  @ApiDoc(
    'Create an authority',
    'The admin adds a licensing authority (code, name, province, license number suffix, signer).',
  )
  @ApiCreatedResponse({ type: AuthorityView })
  @ApiProblems(409)
  async create(@Body() dto: CreateAuthorityDto, @CurrentUser() admin: AuthenticatedUser) {
    return authorityView(await this.authorities.create(dto, admin));
  }

  /** Every licensing authority: applicants choose where to file. */
  @Get()
  @Roles(...ROLES)
  @ApiDoc('List authorities', 'Every licensing authority: applicants choose where to file.')
  @ApiList(AuthorityView, 1000)
  async list() {
    return (await this.authorities.list()).map(authorityView);
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiDoc('Read an authority', 'One licensing authority.')
  @ApiOkResponse({ type: AuthorityView })
  async get(@Param('id', UuidParam) id: string) {
    return authorityView(await this.authorities.get(id));
  }

  /** The authority's active staff: an approver picks the appraiser to hand a dossier to; names for the history. */
  @Get(':id/staff')
  @Roles('appraiser', 'approver', 'inspector', 'admin')
  @ApiOperation({
    summary: 'Active staff of an authority (own authority; admin: any)',
    description:
      'Staff roles. The active staff accounts of an authority (id, name, role), e.g. to assign an appraiser; staff may list only their own authority (another one is 404), admins any.',
  })
  @ApiList(StaffMemberDto, 1000)
  @ApiBadRequestResponse({ description: 'Malformed id or unknown role' })
  @ApiNotFoundResponse({ description: 'No such authority, or not the caller’s' })
  staff(
    @Param('id', UuidParam) id: string,
    @Query() q: StaffQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StaffMemberDto[]> {
    return this.authorities.staff(id, q.role, user);
  }
}
