import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Public, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApplicationsService } from './applications.service';
import { RequirementLegalBasisDto, RequirementPath, RequirementsQuery, RequirementView } from './dto/application.dto';
import { ApiList, ApiDoc } from '../common/openapi/api-docs';

@ApiTags('catalogues')
@Controller('requirements')
export class RequirementsController {
  constructor(private readonly applications: ApplicationsService) {}

  /** The dossier documents of an application type (Decree 147/2024, articles unconfirmed), in filing order. */
  @Get()
  @Public()
  @ApiList(RequirementView, 100)
  @ApiDoc(
    'Dossier requirements',
    'The documents a dossier of the given type must contain, in filing order (Decree 72/2013 art. 23đ, 23h).',
  )
  list(@Query() q: RequirementsQuery): Promise<RequirementView[]> {
    return this.applications.requirements(q.applicationType);
  }

  /**
   * The legal staff correct a requirement's reference (and mark it verified). The reference documents the rule; no
   * judgment reads it, so it is replaced in place (audited with the previous text) rather than effective-dated.
   */
  @Put(':applicationType/:kind/legal-basis')
  @Roles('admin')
  @ApiDoc(
    'Correct a requirement’s legal basis',
    'The admin corrects the legal reference of one dossier requirement (it must cite a text in force).',
  )
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
