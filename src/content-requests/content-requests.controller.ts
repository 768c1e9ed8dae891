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
  ApiProduces,
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
  @ApiOperation({ summary: 'Requests (licensee: its own; staff: their authority’s); filters state, kind, missed' })
  @ApiOkResponse({ type: ContentRequestPage })
  @ApiBadRequestResponse({ description: 'Malformed query' })
  async list(@Query() q: ContentRequestsQuery, @CurrentUser() user: AuthenticatedUser) {
    const page = await this.requests.list(user, q);
    return { ...page, items: page.items.map(contentRequestView) };
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A request with its deadline, answer and missed flag' })
  @ApiOkResponse({ type: ContentRequestView })
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  async get(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return contentRequestView(await this.requests.get(id, user));
  }

  @Get(':id/history')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The lifecycle history of a request' })
  @ApiOkResponse({ type: [HistoryEntryView] })
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  history(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.requests.historyOf(id, user);
  }

  @Get(':id/transitions')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The events the caller may fire now' })
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
  @ApiOperation({ summary: 'The licensee’s evidence of what was done (PDF, PNG or JPEG judged by content)' })
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
  @ApiOperation({ summary: 'The evidence uploaded by the licensee' })
  @ApiOkResponse({ type: [DocumentView] })
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  documents(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.requests.documentsOf(id, user);
  }

  @Get(':id/documents/:docId/content')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The bytes of an evidence document' })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({ description: 'The stored bytes', schema: { type: 'string', format: 'binary' } })
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
  @ApiOperation({ summary: 'The numbered request letter (PDF, Vietnamese, fonts embedded; the same bytes every time)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The letter', schema: { type: 'string', format: 'binary' } })
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
