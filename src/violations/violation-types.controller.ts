import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CreateViolationTypeDto, ViolationTypesQuery } from './dto/violation-type.dto';
import { violationTypeView } from './violation-type';
import { ViolationTypesService } from './violation-types.service';
import { ApiList, ApiDoc, ApiProblems } from '../common/openapi/api-docs';
import { ViolationTypeView } from './dto/violation.views';

@ApiTags('catalogues')
@Controller('violation-types')
export class ViolationTypesController {
  constructor(private readonly types: ViolationTypesService) {}

  /** The entries in force on `on` (default today): the latest version of each code effective on that day. */
  @Get()
  @Public()
  @ApiDoc(
    'The violations catalogue',
    'The entries in force on `on` (default today): the latest version of each code effective that day.',
  )
  @ApiList(ViolationTypeView, 1000)
  async list(@Query() q: ViolationTypesQuery) {
    return (await this.types.list(q.on)).map(violationTypeView);
  }

  /** Adds an entry, or a new version of a code from `effectiveFrom` (409 if that exact version exists). */
  @Post()
  @Roles('admin')
  @ApiDoc(
    'Add a catalogue entry',
    'Adds an entry, or a new version of a code from `effectiveFrom` (409 if that exact version exists).',
  )
  @ApiCreatedResponse({ type: ViolationTypeView })
  @ApiProblems(409, 422)
  async create(@Body() dto: CreateViolationTypeDto, @CurrentUser() admin: AuthenticatedUser) {
    return violationTypeView(await this.types.create(dto, admin));
  }
}
