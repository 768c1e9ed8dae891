import { ApiList } from '../common/openapi/api-docs';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiParam,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Public, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CreateLegalBasisDto, LegalBasesQuery, LegalBasisView } from './dto/legal-basis.dto';
import { CreateLegalParameterDto, LegalParametersQuery, LegalParameterView } from './dto/legal-parameter.dto';
import { LegalBasesService } from './legal-bases.service';
import { LegalParametersService } from './legal-parameters.service';

@ApiTags('legal')
@Controller('legal-parameters')
export class LegalParametersController {
  constructor(private readonly parameters: LegalParametersService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'The legal figures in force on a day (default today), with their basis',
    description:
      'Public. Each legal parameter (deadlines, fees, limits) in force on `?on=` (an ISO date, default today in Asia/Ho_Chi_Minh), national or overridden by `?authorityId=`, with the legal basis it comes from.',
  })
  @ApiList(LegalParameterView, 1000)
  @ApiBadRequestResponse({ description: 'Malformed `on` or `authorityId`' })
  @ApiNotFoundResponse({ description: 'No such authority' })
  list(@Query() q: LegalParametersQuery) {
    return this.parameters.list(q.on, q.authorityId);
  }

  @Get(':key')
  @Public()
  @ApiOperation({
    summary: 'Every version of one legal figure (national and per authority), oldest first',
    description:
      'Public. The effective-dated history of one parameter, every version with its effective date, scope and basis. An unknown key is 404.',
  })
  @ApiList(LegalParameterView, 1000)
  @ApiNotFoundResponse({ description: 'No such key' })
  @ApiParam({ name: 'key', schema: { type: 'string', maxLength: 64 }, example: 'PROCESSING_WORKING_DAYS_NEW' })
  versions(@Param('key') key: string) {
    return this.parameters.versions(key);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'A new value of a legal figure from a date (today or later), national or per authority',
    description:
      'Admin only. Adds a version effective from `effectiveFrom` (today or later: the past is never rewritten); the previous version stays in force until then. An unknown key or inadmissible value is 400; a version of the same key, scope and day is 409 ALREADY_EXISTS; a date in the past is 422 EFFECTIVE_DATE_IN_PAST, an authority value of a national-only key 422 PARAMETER_NOT_PER_AUTHORITY. Audited.',
  })
  @ApiCreatedResponse({ type: LegalParameterView })
  @ApiBadRequestResponse({ description: 'Unknown key, inadmissible value or malformed field' })
  @ApiNotFoundResponse({ description: 'No such authority' })
  @ApiConflictResponse({ description: 'That version exists already (ALREADY_EXISTS)' })
  @ApiUnprocessableEntityResponse({ description: 'EFFECTIVE_DATE_IN_PAST, PARAMETER_NOT_PER_AUTHORITY' })
  create(@Body() dto: CreateLegalParameterDto, @CurrentUser() admin: AuthenticatedUser) {
    return this.parameters.create(dto, admin);
  }
}

@ApiTags('legal')
@Controller('legal-bases')
export class LegalBasesController {
  constructor(private readonly bases: LegalBasesService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'Every version of the "Căn cứ" lines of each document type (national and per authority)',
    description:
      'Admin only. The effective-dated legal bases ("Căn cứ" lines) printed on each generated document type (license, letters, records), every version with its scope and effective date.',
  })
  @ApiList(LegalBasisView, 1000)
  @ApiBadRequestResponse({ description: 'Unknown document type' })
  list(@Query() q: LegalBasesQuery) {
    return this.bases.list(q.documentType);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'New "Căn cứ" lines of a document type from a date (today or later)',
    description:
      'Admin only. Adds a version of the legal basis lines of a document type, effective from a date that is today or later; documents rendered from then on print it. A version of the same document type, scope and day is 409 ALREADY_EXISTS; a refused date or scope is 422. Audited.',
  })
  @ApiCreatedResponse({ type: LegalBasisView })
  @ApiBadRequestResponse({ description: 'Malformed field' })
  @ApiNotFoundResponse({ description: 'No such authority' })
  @ApiConflictResponse({ description: 'That version exists already (ALREADY_EXISTS)' })
  @ApiUnprocessableEntityResponse({
    description: 'LEGAL_BASIS_INVALID (a repealed text, not a basis), EFFECTIVE_DATE_IN_PAST',
  })
  create(@Body() dto: CreateLegalBasisDto, @CurrentUser() admin: AuthenticatedUser) {
    return this.bases.create(dto, admin);
  }
}
