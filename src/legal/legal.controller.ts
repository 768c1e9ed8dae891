import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
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
  @ApiOperation({ summary: 'The legal figures in force on a day (default today), with their basis' })
  @ApiOkResponse({ type: [LegalParameterView] })
  @ApiBadRequestResponse({ description: 'Malformed `on` or `authorityId`' })
  @ApiNotFoundResponse({ description: 'No such authority' })
  list(@Query() q: LegalParametersQuery) {
    return this.parameters.list(q.on, q.authorityId);
  }

  @Get(':key')
  @Public()
  @ApiOperation({ summary: 'Every version of one legal figure (national and per authority), oldest first' })
  @ApiOkResponse({ type: [LegalParameterView] })
  @ApiNotFoundResponse({ description: 'No such key' })
  versions(@Param('key') key: string) {
    return this.parameters.versions(key);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'A new value of a legal figure from a date (today or later), national or per authority' })
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
  @ApiOperation({ summary: 'Every version of the "Căn cứ" lines of each document type (national and per authority)' })
  @ApiOkResponse({ type: [LegalBasisView] })
  @ApiBadRequestResponse({ description: 'Unknown document type' })
  list(@Query() q: LegalBasesQuery) {
    return this.bases.list(q.documentType);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'New "Căn cứ" lines of a document type from a date (today or later)' })
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
