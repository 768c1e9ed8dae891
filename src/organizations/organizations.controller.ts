import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UuidParam } from '../common/uuid';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  /** An admin confirms an organization's registration number (checked against the enterprise register). */
  @Post(':id/registration-confirmation')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Confirm an organization’s registration number',
    description:
      'Admin only. Records that the organization\'s business registration number was checked against the national register (who and when, audited). Already confirmed is 409; an unknown organization 404.',
  })
  @ApiOkResponse({ description: 'The organization, registrationConfirmed: true' })
  @ApiNotFoundResponse({ description: 'No such organization' })
  @ApiConflictResponse({ description: 'REGISTRATION_NUMBER_CONFIRMED_ELSEWHERE: another organization proved it' })
  confirm(@Param('id', UuidParam) id: string, @CurrentUser() admin: AuthenticatedUser) {
    return this.organizations.confirmRegistration(id, admin);
  }
}
