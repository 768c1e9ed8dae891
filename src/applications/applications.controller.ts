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
import { ApiCreatedResponse, ApiProduces, ApiQuery, ApiTags, ApiOkResponse } from '@nestjs/swagger';
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
import { ApiList, ApiBinary, ApiDoc, ApiPage, ApiProblems } from '../common/openapi/api-docs';
import { ApplicationView, AppraisalView } from './dto/application.view';
import { HistoryEntryView } from '../workflow/history.view';

@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  /** File a new dossier (state DRAFT). */
  @Post()
  @Roles('site_owner')
  @ApiDoc(
    'File a dossier',
    'A site owner files a new dossier (application) with an authority; it starts in DRAFT. AMENDMENT, EXTENSION, REISSUE and CHANGE_NOTICE name the license they concern.',
  )
  @ApiCreatedResponse({ type: ApplicationView })
  @ApiProblems([404, 'The authority or license does not exist or is not the caller’s'], 422)
  create(@Body() dto: CreateApplicationDto, @CurrentUser() user: AuthenticatedUser) {
    return this.applications.create(dto, user);
  }

  /** Owners see their organization's dossiers, staff their authority's filed dossiers, admins all. */
  @Get()
  @Roles(...ROLES)
  @ApiDoc(
    'List dossiers',
    'Site owners see their organization’s dossiers, staff their authority’s filed dossiers, the admin all; filters by state, type, overdue and assignee.',
  )
  @ApiPage(ApplicationView)
  list(@Query() q: ApplicationsQuery, @CurrentUser() user: AuthenticatedUser) {
    return this.applications.list(q, user);
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiDoc('Read a dossier', 'The dossier with its documents, statutory deadline and open supplement request.')
  @ApiOkResponse({ type: ApplicationView })
  read(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.applications.read(id, user);
  }

  /** Edit the particulars, the requested expiry or the reason: only in DRAFT or SUPPLEMENT_REQUESTED (else 409). */
  @Patch(':id')
  @Roles('site_owner')
  @ApiDoc(
    'Edit a draft dossier',
    'The owner edits the particulars, the requested expiry or the reason, only in DRAFT or SUPPLEMENT_REQUESTED (409 otherwise).',
  )
  @ApiOkResponse({ type: ApplicationView })
  @ApiProblems(409, 422)
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
  @ApiDoc(
    'Upload a dossier document',
    'Multipart `file` and `kind`: a PDF, PNG or JPEG judged by its content; a newer document of the same kind supersedes the older one.',
  )
  @ApiProblems(409, 413, 415, 422)
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
  @ApiList(DocumentView, 1000)
  @ApiDoc('List a dossier’s documents', 'The current documents; `all=true` adds the superseded ones.')
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
  @ApiDoc('Download a document', 'The stored bytes, with the content type judged at upload.')
  @ApiBinary(['application/pdf', 'image/png', 'image/jpeg'], 'The document')
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
  @ApiDoc(
    'Events allowed now',
    'The dossier’s state and version and the events this caller may fire from it (derived from the state machine and the caller’s role).',
  )
  allowed(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser): Promise<AllowedTransitionsDto> {
    return this.applications.allowed(id, user);
  }

  /** Fire an event of the application lifecycle (see GET /state-machines/application). */
  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('site_owner', 'appraiser', 'approver')
  @ApiDoc(
    'Fire a dossier event',
    'SUBMIT, START_REVIEW, CONFIRM_COMPLETE, REQUEST_SUPPLEMENT, RESUBMIT, RETURN, RECOMMEND, APPROVE, REJECT, SEND_BACK or WITHDRAW, with the inputs the event needs (see GET /state-machines/application).',
  )
  @ApiOkResponse({ type: ApplicationView })
  @ApiProblems(
    [400, 'Invalid body or UNKNOWN_EVENT'],
    [409, 'TRANSITION_NOT_ALLOWED from the current state, or VERSION_CONFLICT'],
    [422, 'A guard refuses: MISSING_DOCUMENTS, VALIDATION_FAILED, four eyes, …'],
  )
  transition(
    @Param('id', UuidParam) id: string,
    @Body() dto: ApplicationTransitionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.applications.transition(id, dto, user);
  }

  @Get(':id/history')
  @Roles(...ROLES)
  @ApiDoc('A dossier’s history', 'Every event fired on the dossier, oldest first.')
  @ApiList(HistoryEntryView, 10000)
  history(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.applications.historyOf(id, user);
  }

  /** The appraisal records (checklist and recommendation), for the authority's staff. */
  @Get(':id/appraisals')
  @Roles('appraiser', 'approver', 'inspector', 'admin')
  @ApiDoc('A dossier’s appraisals', 'The appraisal records (checklist and recommendation), for the authority’s staff.')
  @ApiList(AppraisalView, 1000)
  appraisals(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.applications.appraisalsOf(id, user);
  }

  /** An approver re-assigns the dossier to another appraiser of the authority. */
  @Post(':id/assignee')
  @HttpCode(200)
  @Roles('approver')
  @ApiDoc('Reassign a dossier', 'An approver gives the dossier to another active appraiser of the authority.')
  @ApiOkResponse({ type: ApplicationView })
  @ApiProblems(409, 422)
  reassign(@Param('id', UuidParam) id: string, @Body() dto: AssigneeDto, @CurrentUser() user: AuthenticatedUser) {
    return this.applications.reassign(id, dto.assigneeId, dto.version, user);
  }
}
