import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Public, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApplicationsService } from './applications.service';
import { RequirementLegalBasisDto, RequirementPath, RequirementsQuery, RequirementView } from './dto/application.dto';

@ApiTags('catalogues')
@Controller('requirements')
export class RequirementsController {
  constructor(private readonly applications: ApplicationsService) {}

  /** The dossier documents of an application type (Decree 147/2024, articles unconfirmed), in filing order. */
  @Get()
  @Public()
  @ApiOperation({ summary: 'The dossier documents of an application type, with their legal basis' })
  @ApiOkResponse({ type: [RequirementView] })
  @ApiBadRequestResponse({ description: 'Unknown application type' })
  list(@Query() q: RequirementsQuery): Promise<RequirementView[]> {
    return this.applications.requirements(q.applicationType);
  }

  /**
   * The legal staff correct a requirement's reference (and mark it verified). The reference documents the rule; no
   * judgment reads it, so it is replaced in place (audited with the previous text) rather than effective-dated.
   */
  @Put(':applicationType/:kind/legal-basis')
  @Roles('admin')
  @ApiOperation({ summary: 'Correct the legal basis of one dossier requirement' })
  @ApiOkResponse({ type: RequirementView })
  @ApiBadRequestResponse({ description: 'Unknown application type or malformed body' })
  @ApiNotFoundResponse({ description: 'No such requirement' })
  @ApiUnprocessableEntityResponse({ description: 'LEGAL_BASIS_INVALID: cites a repealed decree' })
  setLegalBasis(
    @Param() p: RequirementPath,
    @Body() dto: RequirementLegalBasisDto,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<RequirementView> {
    return this.applications.setRequirementLegalBasis(p.applicationType, p.kind, dto, admin);
  }
}
