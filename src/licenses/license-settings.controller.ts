import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UuidParam } from '../common/uuid';
import { LicenseNumberingDto, LicenseSettingsDto } from './dto/license.dto';
import { LicensesService } from './licenses.service';
import { ApiDoc, ApiProblems } from '../common/openapi/api-docs';
import { ApiOkResponse } from '@nestjs/swagger';
import { LicenseNumberingView, LicenseSettingsView } from '../authorities/dto/authority.view';

/** Per-authority license numbering and rules (admin). */
@ApiTags('authorities')
@Controller('authorities')
export class LicenseSettingsController {
  constructor(private readonly licenses: LicensesService) {}

  @Get(':id/license-numbering')
  @Roles('admin')
  @ApiDoc('License numbering', 'The authority’s next license number and its format.')
  @ApiOkResponse({ type: LicenseNumberingView })
  numbering(@Param('id', UuidParam) id: string) {
    return this.licenses.numbering(id);
  }

  /** `{ nextSeq, format, pad }`: continue a paper series; nextSeq only moves forward (numbers are never reused). */
  @Put(':id/license-numbering')
  @Roles('admin')
  @ApiDoc(
    'Set license numbering',
    'Continue a paper series: the next sequence only moves forward (numbers are never reused).',
  )
  @ApiOkResponse({ type: LicenseNumberingView })
  @ApiProblems(409, 422)
  setNumbering(
    @Param('id', UuidParam) id: string,
    @Body() dto: LicenseNumberingDto,
    @CurrentUser() admin: AuthenticatedUser,
  ) {
    return this.licenses.setNumbering(id, dto, admin);
  }

  @Get(':id/license-settings')
  @Roles('admin')
  @ApiDoc('License settings', 'The authority’s license rules (longest suspension).')
  @ApiOkResponse({ type: LicenseSettingsView })
  settings(@Param('id', UuidParam) id: string) {
    return this.licenses.settings(id);
  }

  @Put(':id/license-settings')
  @Roles('admin')
  @ApiDoc('Set license settings', 'The admin sets the authority’s license rules.')
  @ApiOkResponse({ type: LicenseSettingsView })
  setSettings(
    @Param('id', UuidParam) id: string,
    @Body() dto: LicenseSettingsDto,
    @CurrentUser() admin: AuthenticatedUser,
  ) {
    return this.licenses.setSettings(id, dto.suspensionMaxMonths, admin);
  }
}
