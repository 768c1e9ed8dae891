import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ROLES } from '../auth/roles';
import { UuidParam } from '../common/uuid';
import { DocumentUpload, type StoredUpload } from '../documents/document-upload';
import { ApplicationUploadPrecheck } from './application-upload.precheck';
import { DocumentView, UploadDocumentDto } from '../documents/dto/document.dto';
import { AllowedTransitionsDto } from '../workflow/transition.dto';
import { ApplicationsService } from './applications.service';
import {
  ApplicationsQuery,
  ApplicationTransitionDto,
  AssigneeDto,
  CreateApplicationDto,
  UpdateApplicationDto,
} from './dto/application.dto';

@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  /** File a new dossier (state DRAFT). */
  @Post()
  @Roles('site_owner')
  @ApiCreatedResponse({ description: 'The new application, in DRAFT' })
  create(@Body() dto: CreateApplicationDto, @CurrentUser() user: AuthenticatedUser) {
    return this.applications.create(dto, user);
  }

  /** Owners see their organization's dossiers, staff their authority's filed dossiers, admins all. */
  @Get()
  @Roles(...ROLES)
  list(@Query() q: ApplicationsQuery, @CurrentUser() user: AuthenticatedUser) {
    return this.applications.list(q, user);
  }

  @Get(':id')
  @Roles(...ROLES)
  read(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.applications.read(id, user);
  }

  /** Edit the particulars, the requested expiry or the reason: only in DRAFT or SUPPLEMENT_REQUESTED (else 409). */
  @Patch(':id')
  @Roles('site_owner')
  update(
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateApplicationDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.applications.update(id, dto, user);
  }

  /** Upload a document of the dossier (multipart `file` + `kind`): PDF, PNG or JPEG judged by content. */
  @Post(':id/documents')
  @Roles('site_owner')
  @DocumentUpload(ApplicationUploadPrecheck)
  @ApiCreatedResponse({ type: DocumentView })
  uploadDocument(
    @Param('id', UuidParam) id: string,
    @UploadedFile() file: StoredUpload,
    @Body() dto: UploadDocumentDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DocumentView> {
    return this.applications.attachDocument(id, dto.kind, file, user);
  }

  /** The dossier's current documents (`?all=true`: superseded ones too). */
  @Get(':id/documents')
  @Roles(...ROLES)
  @ApiQuery({ name: 'all', required: false, enum: ['true', 'false'] })
  @ApiOkResponse({ type: [DocumentView] })
  documents(
    @Param('id', UuidParam) id: string,
    @Query('all') all: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.applications.documentsOf(id, user, all === 'true');
  }

  @Get(':id/documents/:docId/content')
  @Roles(...ROLES)
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  async content(
    @Param('id', UuidParam) id: string,
    @Param('docId', UuidParam) docId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const download = await this.applications.documentContent(id, docId, user);
    res.set(download.headers);
    return download.file;
  }

  @Get(':id/transitions')
  @Roles(...ROLES)
  @ApiOkResponse({ type: AllowedTransitionsDto })
  allowed(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser): Promise<AllowedTransitionsDto> {
    return this.applications.allowed(id, user);
  }

  /** Fire an event of the application lifecycle (see GET /state-machines/application). */
  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('site_owner', 'appraiser', 'approver')
  transition(
    @Param('id', UuidParam) id: string,
    @Body() dto: ApplicationTransitionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.applications.transition(id, dto, user);
  }

  @Get(':id/history')
  @Roles(...ROLES)
  history(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.applications.historyOf(id, user);
  }

  /** The appraisal records (checklist and recommendation), for the authority's staff. */
  @Get(':id/appraisals')
  @Roles('appraiser', 'approver', 'inspector', 'admin')
  appraisals(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.applications.appraisalsOf(id, user);
  }

  /** An approver re-assigns the dossier to another appraiser of the authority. */
  @Post(':id/assignee')
  @HttpCode(200)
  @Roles('approver')
  reassign(@Param('id', UuidParam) id: string, @Body() dto: AssigneeDto, @CurrentUser() user: AuthenticatedUser) {
    return this.applications.reassign(id, dto.assigneeId, dto.version, user);
  }
}
