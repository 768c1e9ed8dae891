import { ApiBinary, ApiList } from '../common/openapi/api-docs';
import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UuidParam } from '../common/uuid';
import { DocumentUpload, type StoredUpload } from '../documents/document-upload';
import { DocumentView } from '../documents/dto/document.dto';
import { HistoryEntryView } from '../unlicensed-sites/dto/unlicensed-site.dto';
import { AllowedTransitionsDto } from '../workflow/transition.dto';
import { contentRequestView } from './content-request.entity';
import { ContentRequestsService } from './content-requests.service';
import {
  ContentRequestPage,
  ContentRequestsQuery,
  ContentRequestTransitionDto,
  ContentRequestView,
  CreateContentRequestDto,
} from './dto/content-request.dto';

const READERS = ['site_owner', 'inspector', 'appraiser', 'approver', 'admin'] as const;

@ApiTags('content-requests')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token' })
@ApiForbiddenResponse({ description: 'The role may not do this' })
@Controller('content-requests')
export class ContentRequestsController {
  constructor(private readonly requests: ContentRequestsService) {}

  @Post()
  @Roles('inspector')
  @ApiOperation({
    summary:
      'Issue a CORRECTION (items, deadline in working days) or REMOVAL (URLs, deadline in hours) request with its ' +
      'numbered letter',
    description:
      'Inspectors. Issues a request to a licensee of the authority about a licensed site: CORRECTION (items to correct; deadline in working days from CONTENT_CORRECTION_WORKING_DAYS) or REMOVAL (URLs; deadline in hours from CONTENT_REMOVAL_HOURS), with its numbered letter. A license not in force is 422 LICENSE_NOT_IN_FORCE.',
  })
  @ApiCreatedResponse({ type: ContentRequestView })
  @ApiBadRequestResponse({ description: 'Malformed body, or fields that do not fit the kind' })
  @ApiNotFoundResponse({ description: 'No such license in your authority' })
  @ApiUnprocessableEntityResponse({ description: 'LICENSE_NOT_IN_FORCE' })
  async create(@Body() dto: CreateContentRequestDto, @CurrentUser() user: AuthenticatedUser) {
    return contentRequestView(await this.requests.create(dto, user));
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Requests (licensee: its own; staff: their authority’s); filters state, kind, missed',
    description:
      "Site owners see their organization's requests, staff their authority's (paginated); filters `state`, `kind` and `missed` (deadline passed without an accepted answer).",
  })
  @ApiOkResponse({ type: ContentRequestPage })
  @ApiBadRequestResponse({ description: 'Malformed query' })
  async list(@Query() q: ContentRequestsQuery, @CurrentUser() user: AuthenticatedUser) {
    const page = await this.requests.list(user, q);
    return { ...page, items: page.items.map(contentRequestView) };
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'A request with its deadline, answer and missed flag',
    description:
      "One content correction or removal request with its items or URLs, its deadline (computed from the legal parameters), the licensee's answer and whether the deadline was missed. Not visible to the caller: 404.",
  })
  @ApiOkResponse({ type: ContentRequestView })
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  async get(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return contentRequestView(await this.requests.get(id, user));
  }

  @Get(':id/history')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'The lifecycle history of a request',
    description:
      'Every transition of the request, oldest first, with actor, time and data. Not visible to the caller: 404.',
  })
  @ApiList(HistoryEntryView, 10000)
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  history(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.requests.historyOf(id, user);
  }

  @Get(':id/transitions')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'The events the caller may fire now',
    description:
      "The events of the record's state machine this caller may fire now given its state and the caller's role, with the current state and version. A record the caller may not see is 404.",
  })
  @ApiOkResponse({ type: AllowedTransitionsDto })
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  allowed(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.requests.allowed(id, user);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('site_owner', 'inspector', 'approver')
  @ApiOperation({
    summary:
      'ANSWER (licensee; response), ACCEPT, RETURN (reason), RECORD_VIOLATION (violationId, after the deadline), ' +
      'WITHDRAW (reason)',
    description:
      'Fires one event: ANSWER by the licensee (site owner) with its response; ACCEPT or RETURN (with a reason) by inspectors or approvers; RECORD_VIOLATION (a `violationId`, only after the deadline was missed); WITHDRAW (reason). Not allowed now: 409 TRANSITION_NOT_ALLOWED; stale `version`: 409 VERSION_CONFLICT; a business rule: 422. Audited in the same transaction.',
  })
  @ApiOkResponse({ type: ContentRequestView })
  @ApiBadRequestResponse({ description: 'UNKNOWN_EVENT or malformed body' })
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  @ApiConflictResponse({ description: 'TRANSITION_NOT_ALLOWED, VERSION_CONFLICT' })
  @ApiUnprocessableEntityResponse({
    description: 'RESPONSE_REQUIRED, REASON_REQUIRED, DEADLINE_NOT_PASSED, VIOLATION_REQUIRED',
  })
  async transition(
    @Param('id', UuidParam) id: string,
    @Body() dto: ContentRequestTransitionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return contentRequestView(await this.requests.transition(id, dto, user));
  }

  @Post(':id/documents')
  @Roles('site_owner')
  @DocumentUpload()
  @ApiOperation({
    summary: 'The licensee’s evidence of what was done (PDF, PNG or JPEG judged by content)',
    description:
      'The licensee (site owner) only. Multipart `file` (PDF, PNG or JPEG judged by content, else 415; at most UPLOAD_MAX_BYTES, else 413) attached while the request is open (else 409).',
  })
  @ApiCreatedResponse({ type: DocumentView })
  @ApiBadRequestResponse({ description: 'Malformed multipart body' })
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  @ApiConflictResponse({ description: 'The request is no longer open to evidence' })
  attach(
    @Param('id', UuidParam) id: string,
    @UploadedFile() file: StoredUpload,
    @Body('kind') kind: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.requests.attach(id, kind, file, user);
  }

  @Get(':id/documents')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'The evidence uploaded by the licensee',
    description: 'The documents attached to the request by the licensee. Not visible to the caller: 404.',
  })
  @ApiList(DocumentView, 1000)
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  documents(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.requests.documentsOf(id, user);
  }

  @Get(':id/documents/:docId/content')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'The bytes of an evidence document',
    description:
      'The stored bytes of one evidence document with its content type (PDF, PNG or JPEG). Not visible to the caller: 404.',
  })
  @ApiBinary(['application/pdf', 'image/png', 'image/jpeg'], 'The stored bytes')
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  async content(
    @Param('id', UuidParam) id: string,
    @Param('docId', UuidParam) docId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const d = await this.requests.document(id, docId, user);
    res.set(d.headers);
    return d.file;
  }

  @Get(':id/letter.pdf')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'The numbered request letter (PDF, Vietnamese, fonts embedded; the same bytes every time)',
    description:
      'The letter issued with the request, rendered as PDF with its number, deadline and legal basis; the same bytes every time. Not visible to the caller: 404.',
  })
  @ApiBinary(['application/pdf'], 'The letter')
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  @Header('Cache-Control', 'private, no-cache')
  async letter(
    @Param('id', UuidParam) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { pdf, number } = await this.requests.letterPdf(id, user);
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="cong-van-${number.replace(/[^A-Za-z0-9-]/g, '-')}.pdf"`,
    });
    return new StreamableFile(pdf);
  }
}
