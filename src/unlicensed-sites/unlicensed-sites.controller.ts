import { ApiBinary, ApiList } from '../common/openapi/api-docs';
import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import {
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
  ApiBadRequestResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UuidParam } from '../common/uuid';
import { DocumentUpload, type StoredUpload } from '../documents/document-upload';
import { DocumentView } from '../documents/dto/document.dto';
import { AllowedTransitionsDto } from '../workflow/transition.dto';
import {
  CreateUnlicensedSiteDto,
  EvidenceInputDto,
  EvidenceView,
  HistoryEntryView,
  UnlicensedSitePage,
  UnlicensedSitesQuery,
  UnlicensedSiteTransitionDto,
  UnlicensedSiteView,
  UpdateUnlicensedSiteDto,
} from './dto/unlicensed-site.dto';
import { unlicensedSiteView, UnlicensedSitesService } from './unlicensed-sites.service';

/** Who works the register: the authority's inspectors and appraisers; approvers sign letters and sanctions. */
const STAFF = ['inspector', 'appraiser', 'approver', 'admin'] as const;

@ApiTags('unlicensed-sites')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token' })
@ApiForbiddenResponse({ description: 'The role may not do this' })
@Controller('unlicensed-sites')
export class UnlicensedSitesController {
  constructor(private readonly sites: UnlicensedSitesService) {}

  @Post()
  @Roles('inspector', 'appraiser')
  @ApiOperation({
    summary: 'Record a site operating without a license, with its evidence (REPORTED)',
    description:
      "Inspectors and appraisers. Opens a case (state REPORTED) in the caller's authority for one or more domains, with evidence items. A domain already covered by an open case is 409 ALREADY_EXISTS (with existingId); a finding or capture date in the future is 422.",
  })
  @ApiCreatedResponse({ type: UnlicensedSiteView })
  @ApiBadRequestResponse({ description: 'Malformed body or domain' })
  @ApiConflictResponse({ description: 'ALREADY_EXISTS: an open case covers one of the domains (existingId)' })
  @ApiUnprocessableEntityResponse({ description: 'FOUND_IN_FUTURE, CAPTURED_IN_FUTURE' })
  async register(@Body() dto: CreateUnlicensedSiteDto, @CurrentUser() user: AuthenticatedUser) {
    const site = await this.sites.register(dto, user);
    const d = await this.sites.detail(site.id, user);
    return unlicensedSiteView(d.site, { evidence: d.evidence, matchingApplications: d.matchingApplications });
  }

  @Get()
  @Roles(...STAFF)
  @ApiOperation({
    summary: "The authority's register of sites operating without a license",
    description:
      "Staff of the authority (paginated): the cases of the caller's authority, filterable by state and domain.",
  })
  @ApiOkResponse({ type: UnlicensedSitePage })
  @ApiBadRequestResponse({ description: 'Malformed query' })
  async list(@Query() q: UnlicensedSitesQuery, @CurrentUser() user: AuthenticatedUser) {
    const page = await this.sites.list(user, q);
    return { ...page, items: page.items.map((s) => unlicensedSiteView(s)) };
  }

  @Get(':id')
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'A site with its evidence, letter and the NEW dossiers naming one of its domains',
    description:
      "Staff of the authority. One case with its evidence items, its letter (when directed to apply) and the dossiers not yet decided that name one of its domains. Another authority's case is 404.",
  })
  @ApiOkResponse({ type: UnlicensedSiteView })
  @ApiNotFoundResponse({ description: 'No such site in your authority' })
  async get(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    const d = await this.sites.detail(id, user);
    return unlicensedSiteView(d.site, { evidence: d.evidence, matchingApplications: d.matchingApplications });
  }

  @Patch(':id')
  @Roles('inspector', 'appraiser')
  @ApiOperation({
    summary: 'Identify the operator or rename the site while the case is open',
    description:
      'Inspectors and appraisers. Changes the operator identification or the name while the case is open (closed: 409 CASE_CLOSED); send `version` to detect a concurrent change (409 VERSION_CONFLICT). Audited.',
  })
  @ApiOkResponse({ type: UnlicensedSiteView })
  @ApiBadRequestResponse({ description: 'Malformed body or nothing to change' })
  @ApiNotFoundResponse({ description: 'No such site in your authority' })
  @ApiConflictResponse({ description: 'CASE_CLOSED, VERSION_CONFLICT' })
  async update(
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateUnlicensedSiteDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return unlicensedSiteView(await this.sites.update(id, dto, user));
  }

  @Post(':id/evidence')
  @Roles('inspector', 'appraiser')
  @ApiOperation({
    summary: 'Add an evidence item (URL and capture time); captures are uploaded to it',
    description:
      'Inspectors and appraisers. Adds an evidence item (URL, capture time, note) to an open case; a capture time in the future is 422, a closed case 409.',
  })
  @ApiCreatedResponse({ type: EvidenceView })
  @ApiBadRequestResponse({ description: 'Malformed body' })
  @ApiNotFoundResponse({ description: 'No such site in your authority' })
  @ApiConflictResponse({ description: 'CASE_CLOSED' })
  @ApiUnprocessableEntityResponse({ description: 'CAPTURED_IN_FUTURE' })
  addEvidence(
    @Param('id', UuidParam) id: string,
    @Body() dto: EvidenceInputDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.sites.addEvidence(id, dto, user);
  }

  @Post(':id/evidence/:evidenceId/documents')
  @Roles('inspector', 'appraiser')
  @DocumentUpload()
  @ApiOperation({
    summary: 'Upload a capture (PDF, PNG or JPEG judged by content) of an evidence item',
    description:
      'Inspectors and appraisers. Multipart `file` (PDF, PNG or JPEG judged by content, else 415; at most UPLOAD_MAX_BYTES, else 413) attached to an evidence item of an open case.',
  })
  @ApiCreatedResponse({ type: DocumentView })
  @ApiBadRequestResponse({ description: 'Malformed multipart body' })
  @ApiNotFoundResponse({ description: 'No such site or evidence item' })
  @ApiConflictResponse({ description: 'CASE_CLOSED' })
  attach(
    @Param('id', UuidParam) id: string,
    @Param('evidenceId', UuidParam) evidenceId: string,
    @UploadedFile() file: StoredUpload,
    @Body('kind') kind: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.sites.attachCapture(id, evidenceId, kind, file, user);
  }

  @Get(':id/evidence/:evidenceId/documents/:docId/content')
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'The bytes of a capture',
    description: 'Staff of the authority. The stored bytes of a capture with its content type (PDF, PNG or JPEG).',
  })
  @ApiBinary(['application/pdf', 'image/png', 'image/jpeg'], 'The stored bytes')
  @ApiNotFoundResponse({ description: 'No such site, evidence item or document' })
  async content(
    @Param('id', UuidParam) id: string,
    @Param('evidenceId', UuidParam) evidenceId: string,
    @Param('docId', UuidParam) docId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const d = await this.sites.captureContent(id, evidenceId, docId, user);
    res.set(d.headers);
    return d.file;
  }

  @Get(':id/history')
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'The lifecycle history of a site',
    description: 'Staff of the authority. Every transition of the case, oldest first, with actor, time and data.',
  })
  @ApiList(HistoryEntryView, 10000)
  @ApiNotFoundResponse({ description: 'No such site in your authority' })
  history(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.sites.historyOf(id, user);
  }

  @Get(':id/transitions')
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'The events the caller may fire now',
    description:
      "The events of the record's state machine this caller may fire now given its state and the caller's role, with the current state and version. A record the caller may not see is 404.",
  })
  @ApiOkResponse({ type: AllowedTransitionsDto })
  @ApiNotFoundResponse({ description: 'No such site in your authority' })
  allowed(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.sites.allowed(id, user);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('inspector', 'appraiser', 'approver')
  @ApiOperation({
    summary:
      'START_REVIEW, DIRECT_TO_APPLY (applyBy; numbered letter), SANCTION (violationId), MARK_LICENSED ' +
      '(applicationId), MARK_CEASED (reason), DISMISS (reason)',
    description:
      'Inspectors and appraisers fire one event of the case: START_REVIEW, DIRECT_TO_APPLY (with `applyBy`; issues the numbered letter), SANCTION (with the `violationId` recorded), MARK_LICENSED (with the `applicationId` of the granted dossier), MARK_CEASED or DISMISS (with a reason). Not allowed now: 409 TRANSITION_NOT_ALLOWED; stale `version`: 409 VERSION_CONFLICT; missing inputs: 422. Audited in the same transaction.',
  })
  @ApiOkResponse({ type: UnlicensedSiteView })
  @ApiBadRequestResponse({ description: 'UNKNOWN_EVENT or malformed body' })
  @ApiNotFoundResponse({ description: 'No such site in your authority' })
  @ApiConflictResponse({ description: 'TRANSITION_NOT_ALLOWED, VERSION_CONFLICT' })
  @ApiUnprocessableEntityResponse({
    description:
      'OPERATOR_UNKNOWN, APPLY_BY_REQUIRED, SANCTION_VIOLATION_REQUIRED, LICENSED_APPLICATION_REQUIRED, REASON_REQUIRED',
  })
  async transition(
    @Param('id', UuidParam) id: string,
    @Body() dto: UnlicensedSiteTransitionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return unlicensedSiteView(await this.sites.transition(id, dto, user));
  }

  @Get(':id/letter.pdf')
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'The numbered letter directing the operator to apply (PDF, Vietnamese, fonts embedded)',
    description:
      'Staff of the authority. The letter issued by DIRECT_TO_APPLY, rendered as PDF with its number and legal basis; the same bytes every time. No letter yet is 404.',
  })
  @ApiBinary(['application/pdf'], 'The letter')
  @ApiNotFoundResponse({ description: 'No such site in your authority' })
  @ApiConflictResponse({ description: 'LETTER_NOT_AVAILABLE: the operator was not directed to apply' })
  @Header('Cache-Control', 'private, no-cache')
  async letter(
    @Param('id', UuidParam) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { pdf, number } = await this.sites.letterPdf(id, user);
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="cong-van-${number.replace(/[^A-Za-z0-9-]/g, '-')}.pdf"`,
    });
    return new StreamableFile(pdf);
  }
}
