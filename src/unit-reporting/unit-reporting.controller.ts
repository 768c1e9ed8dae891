import { ApiBinary, ApiList, BINARY_MAX_BYTES } from '../common/openapi/api-docs';
import { ApiExtraModels, getSchemaPath } from '@nestjs/swagger';
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
import {
  AddMemberDto,
  CreateReportingPeriodDto,
  CreateReportingUnitDto,
  CreateUnitReportDto,
  PeriodStatusView,
  ReportingPeriodView,
  ReportingUnitView,
  SynthesisQuery,
  UnitReportPage,
  UnitReportsQuery,
  UnitReportTransitionDto,
  UnitReportView,
  UpdateUnitReportDto,
  SynthesisView,
  UnitMemberView,
} from './dto/unit-reporting.dto';
import { UnitReportingService } from './unit-reporting.service';
import { unitReportView } from './unit-reporting.entity';

const STAFF = ['appraiser', 'approver', 'inspector', 'admin'] as const;
/** Bounds the CSV form of the synthesis: about 40 lines of figures and one per unit (at most 1000), each short. */
const SYNTHESIS_CSV_MAX_LENGTH = 1_000_000;

@ApiTags('unit-reporting')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token' })
@ApiForbiddenResponse({ description: 'The role may not do this' })
@Controller()
export class UnitReportingController {
  constructor(private readonly svc: UnitReportingService) {}

  @Post('reporting-units')
  @Roles('admin', 'approver')
  @ApiOperation({
    summary: 'Add a reporting unit (department, district People’s Committee, mass organization)',
    description:
      'Admins and approvers. Adds a unit that files returns to the authority (code unique in the authority: 409 ALREADY_EXISTS otherwise).',
  })
  @ApiCreatedResponse({ type: ReportingUnitView })
  @ApiBadRequestResponse({ description: 'Malformed body' })
  @ApiNotFoundResponse({ description: 'No such authority' })
  @ApiConflictResponse({ description: 'ALREADY_EXISTS: the code is taken' })
  createUnit(@Body() dto: CreateReportingUnitDto, @CurrentUser() user: AuthenticatedUser) {
    return this.svc.createUnit(dto, user);
  }

  @Get('reporting-units')
  @Roles(...STAFF, 'reporting_unit')
  @ApiOperation({
    summary: 'The reporting units (a reporting_unit account: its own)',
    description:
      "Staff see the units of their authority (admin: every authority's); a reporting_unit account only its own unit.",
  })
  @ApiList(ReportingUnitView, 1000)
  units(@CurrentUser() user: AuthenticatedUser) {
    return this.svc.units(user);
  }

  @Post('reporting-units/:id/members')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Attach an account of role reporting_unit to the unit it files for',
    description:
      'Admin only. Links an account of role reporting_unit to the unit (an account of another role is 422 NOT_A_REPORTING_ACCOUNT); answers the link.',
  })
  @ApiOkResponse({ type: UnitMemberView })
  @ApiBadRequestResponse({ description: 'Malformed body' })
  @ApiNotFoundResponse({ description: 'No such unit' })
  @ApiUnprocessableEntityResponse({ description: 'NOT_A_REPORTING_ACCOUNT' })
  addMember(@Param('id', UuidParam) id: string, @Body() dto: AddMemberDto, @CurrentUser() user: AuthenticatedUser) {
    return this.svc.addMember(id, dto.userId, user);
  }

  @Post('reporting-periods')
  @Roles('approver')
  @ApiOperation({
    summary: 'Open a half-yearly or annual reporting period (due date from the defaults unless given)',
    description:
      'Approvers. Opens a period of the authority (kind, covered dates); the due date comes from the legal parameters unless given. A period already open for the same dates is 409 ALREADY_EXISTS.',
  })
  @ApiCreatedResponse({ type: ReportingPeriodView })
  @ApiBadRequestResponse({ description: 'Malformed body' })
  @ApiConflictResponse({ description: 'ALREADY_EXISTS' })
  createPeriod(@Body() dto: CreateReportingPeriodDto, @CurrentUser() user: AuthenticatedUser) {
    return this.svc.createPeriod(dto, user);
  }

  @Get('reporting-periods')
  @Roles(...STAFF, 'reporting_unit')
  @ApiOperation({
    summary: 'The reporting periods of the authority',
    description:
      "Staff and reporting units: the periods of the caller's authority (admin: every authority's), by due date.",
  })
  @ApiList(ReportingPeriodView, 1000)
  periods(@CurrentUser() user: AuthenticatedUser) {
    return this.svc.periods(user);
  }

  @Get('reporting-periods/:id/status')
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Every unit with the state of its return; overdue when due and not filed',
    description:
      'Staff of the authority. For one period, each unit with its return (if any) and whether it is overdue (the due date, by the injected clock, has passed without a submitted return).',
  })
  @ApiOkResponse({ type: PeriodStatusView })
  @ApiNotFoundResponse({ description: 'No such period in your authority' })
  status(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.svc.status(id, user);
  }

  @Get('reporting-periods/:id/synthesis')
  @Roles(...STAFF)
  @ApiOperation({
    summary:
      "The synthesis report for the Provincial People's Committee: JSON figures (default), CSV, or the Vietnamese PDF",
    description:
      "Staff of the authority. The synthesis of the units' accepted returns for one period: JSON figures by default, `?format=csv` as CSV, `?format=pdf` as the Vietnamese PDF report (fonts embedded). An unknown format is 400.",
  })
  @ApiExtraModels(SynthesisView)
  @ApiOkResponse({
    description: 'The figures (JSON), the same as CSV lines `section,metric,value`, or the report as PDF',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(SynthesisView) } },
      'text/csv': { schema: { type: 'string', maxLength: SYNTHESIS_CSV_MAX_LENGTH } },
      'application/pdf': { schema: { type: 'string', format: 'binary', maxLength: BINARY_MAX_BYTES } },
    },
  })
  @ApiBadRequestResponse({ description: 'Unknown format' })
  @ApiNotFoundResponse({ description: 'No such period in your authority' })
  async synthesis(
    @Param('id', UuidParam) id: string,
    @Query() q: SynthesisQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (q.format === 'csv') {
      res.set({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="tong-hop.csv"',
      });
      return this.svc.synthesisCsv(id, user);
    }
    if (q.format === 'pdf') {
      const pdf = await this.svc.synthesisPdf(id, user);
      res.set({ 'Content-Type': 'application/pdf', 'Content-Disposition': 'inline; filename="bao-cao-tong-hop.pdf"' });
      return new StreamableFile(pdf);
    }
    return this.svc.synthesis(id, user);
  }

  @Post('unit-reports')
  @Roles('reporting_unit')
  @ApiOperation({
    summary: "Start the unit's return for a period (DRAFT): structured figures and text",
    description:
      "Reporting unit accounts. Starts the return of the caller's unit for a period (DRAFT) with its figures and narrative; one return per unit and period (409 ALREADY_EXISTS).",
  })
  @ApiCreatedResponse({ type: UnitReportView })
  @ApiBadRequestResponse({ description: 'Malformed body' })
  @ApiNotFoundResponse({ description: 'No such period for your unit' })
  @ApiConflictResponse({ description: 'ALREADY_EXISTS: the unit has a return for the period' })
  async createReport(@Body() dto: CreateUnitReportDto, @CurrentUser() user: AuthenticatedUser) {
    return unitReportView(await this.svc.createReport(dto, user));
  }

  @Get('unit-reports')
  @Roles(...STAFF, 'reporting_unit')
  @ApiOperation({
    summary: 'Returns (a unit: its own; staff: their authority’s)',
    description:
      "Paginated returns: a reporting unit sees its own, staff their authority's; filter by period and state.",
  })
  @ApiOkResponse({ type: UnitReportPage })
  @ApiBadRequestResponse({ description: 'Malformed query' })
  async reports(@Query() q: UnitReportsQuery, @CurrentUser() user: AuthenticatedUser) {
    const page = await this.svc.listReports(user, q);
    return { ...page, items: page.items.map(unitReportView) };
  }

  @Get('unit-reports/:id')
  @Roles(...STAFF, 'reporting_unit')
  @ApiOperation({
    summary: 'A return',
    description: 'One return with its figures, narrative, state and version. Not visible to the caller: 404.',
  })
  @ApiOkResponse({ type: UnitReportView })
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  async report(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return unitReportView(await this.svc.getReport(id, user));
  }

  @Patch('unit-reports/:id')
  @Roles('reporting_unit')
  @ApiOperation({
    summary: 'Change the figures or text of a DRAFT or RETURNED return',
    description:
      'Reporting unit accounts, their own return while DRAFT or RETURNED (otherwise 409); send `version` to detect a concurrent change (409 VERSION_CONFLICT).',
  })
  @ApiOkResponse({ type: UnitReportView })
  @ApiBadRequestResponse({ description: 'Malformed body or nothing to change' })
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  @ApiConflictResponse({ description: 'CONFLICT (state), VERSION_CONFLICT' })
  async update(
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateUnitReportDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return unitReportView(await this.svc.updateReport(id, dto, user));
  }

  @Get('unit-reports/:id/history')
  @Roles(...STAFF, 'reporting_unit')
  @ApiOperation({
    summary: 'The lifecycle history of a return',
    description:
      'Every transition of the return, oldest first, with actor, time and data. Not visible to the caller: 404.',
  })
  @ApiList(HistoryEntryView, 10000)
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  history(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.svc.historyOf(id, user);
  }

  @Get('unit-reports/:id/transitions')
  @Roles(...STAFF, 'reporting_unit')
  @ApiOperation({
    summary: 'The events the caller may fire now',
    description:
      "The events of the record's state machine this caller may fire now given its state and the caller's role, with the current state and version. A record the caller may not see is 404.",
  })
  @ApiOkResponse({ type: AllowedTransitionsDto })
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  allowed(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.svc.allowed(id, user);
  }

  @Post('unit-reports/:id/transitions')
  @HttpCode(200)
  @Roles('reporting_unit', 'approver', 'inspector')
  @ApiOperation({
    summary: 'SUBMIT (the unit), ACCEPT, RETURN (reason)',
    description:
      'Fires one event: SUBMIT by the unit; ACCEPT or RETURN (with a reason, else 422 REASON_REQUIRED) by approvers or inspectors. An event not allowed now is 409 TRANSITION_NOT_ALLOWED; a stale `version` 409 VERSION_CONFLICT. Audited in the same transaction.',
  })
  @ApiOkResponse({ type: UnitReportView })
  @ApiBadRequestResponse({ description: 'UNKNOWN_EVENT or malformed body' })
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  @ApiConflictResponse({ description: 'TRANSITION_NOT_ALLOWED, VERSION_CONFLICT' })
  @ApiUnprocessableEntityResponse({ description: 'REASON_REQUIRED' })
  async transition(
    @Param('id', UuidParam) id: string,
    @Body() dto: UnitReportTransitionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return unitReportView(await this.svc.transition(id, dto, user));
  }

  @Post('unit-reports/:id/documents')
  @Roles('reporting_unit')
  @DocumentUpload()
  @ApiOperation({
    summary: 'Attach a document to a DRAFT or RETURNED return (PDF, PNG or JPEG judged by content)',
    description:
      'Reporting unit accounts, their own return while DRAFT or RETURNED (otherwise 409). Multipart `file`, PDF, PNG or JPEG judged by content (else 415), at most UPLOAD_MAX_BYTES (else 413).',
  })
  @ApiCreatedResponse({ type: DocumentView })
  @ApiBadRequestResponse({ description: 'Malformed multipart body' })
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  @ApiConflictResponse({ description: 'The return is no longer open to attachments' })
  attach(
    @Param('id', UuidParam) id: string,
    @UploadedFile() file: StoredUpload,
    @Body('kind') kind: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.svc.attach(id, kind, file, user);
  }

  @Get('unit-reports/:id/documents')
  @Roles(...STAFF, 'reporting_unit')
  @ApiOperation({
    summary: 'The attachments of a return',
    description: 'The documents attached to a return. Not visible to the caller: 404.',
  })
  @ApiList(DocumentView, 1000)
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  documents(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.svc.documentsOf(id, user);
  }

  @Get('unit-reports/:id/documents/:docId/content')
  @Roles(...STAFF, 'reporting_unit')
  @ApiOperation({
    summary: 'The bytes of an attachment',
    description: 'The stored bytes of one attachment with its content type. Not visible to the caller: 404.',
  })
  @ApiBinary(['application/pdf', 'image/png', 'image/jpeg'], 'The stored bytes')
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  async content(
    @Param('id', UuidParam) id: string,
    @Param('docId', UuidParam) docId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const d = await this.svc.document(id, docId, user);
    res.set(d.headers);
    return d.file;
  }
}
