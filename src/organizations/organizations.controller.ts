import { OrganizationView } from '../users/dto/user.view';
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
      "Admin only. Records that the organization's business registration number was proved (who and when, audited); only confirmed numbers are unique, so a number another organization already proved is 409 REGISTRATION_NUMBER_CONFIRMED_ELSEWHERE. Confirming again changes nothing. An unknown organization is 404.",
  })
  @ApiOkResponse({ type: OrganizationView, description: 'The organization, registrationConfirmed: true' })
  @ApiNotFoundResponse({ description: 'No such organization' })
  @ApiConflictResponse({ description: 'REGISTRATION_NUMBER_CONFIRMED_ELSEWHERE: another organization proved it' })
  confirm(@Param('id', UuidParam) id: string, @CurrentUser() admin: AuthenticatedUser) {
    return this.organizations.confirmRegistration(id, admin);
  }
}
