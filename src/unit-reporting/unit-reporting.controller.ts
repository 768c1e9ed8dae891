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
} from './dto/unit-reporting.dto';
import { UnitReportingService } from './unit-reporting.service';
import { unitReportView } from './unit-reporting.entity';

const STAFF = ['appraiser', 'approver', 'inspector', 'admin'] as const;

@ApiTags('unit-reporting')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token' })
@ApiForbiddenResponse({ description: 'The role may not do this' })
@Controller()
export class UnitReportingController {
  constructor(private readonly svc: UnitReportingService) {}

  @Post('reporting-units')
  @Roles('admin', 'approver')
  @ApiOperation({ summary: 'Add a reporting unit (department, district People’s Committee, mass organization)' })
  @ApiCreatedResponse({ type: ReportingUnitView })
  @ApiBadRequestResponse({ description: 'Malformed body' })
  @ApiNotFoundResponse({ description: 'No such authority' })
  @ApiConflictResponse({ description: 'ALREADY_EXISTS: the code is taken' })
  createUnit(@Body() dto: CreateReportingUnitDto, @CurrentUser() user: AuthenticatedUser) {
    return this.svc.createUnit(dto, user);
  }

  @Get('reporting-units')
  @Roles(...STAFF, 'reporting_unit')
  @ApiOperation({ summary: 'The reporting units (a reporting_unit account: its own)' })
  @ApiOkResponse({ type: [ReportingUnitView] })
  units(@CurrentUser() user: AuthenticatedUser) {
    return this.svc.units(user);
  }

  @Post('reporting-units/:id/members')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Attach an account of role reporting_unit to the unit it files for' })
  @ApiOkResponse({ description: '{ unitId, userId }' })
  @ApiBadRequestResponse({ description: 'Malformed body' })
  @ApiNotFoundResponse({ description: 'No such unit' })
  @ApiUnprocessableEntityResponse({ description: 'NOT_A_REPORTING_ACCOUNT' })
  addMember(@Param('id', UuidParam) id: string, @Body() dto: AddMemberDto, @CurrentUser() user: AuthenticatedUser) {
    return this.svc.addMember(id, dto.userId, user);
  }

  @Post('reporting-periods')
  @Roles('approver')
  @ApiOperation({ summary: 'Open a half-yearly or annual reporting period (due date from the defaults unless given)' })
  @ApiCreatedResponse({ type: ReportingPeriodView })
  @ApiBadRequestResponse({ description: 'Malformed body' })
  @ApiConflictResponse({ description: 'ALREADY_EXISTS' })
  createPeriod(@Body() dto: CreateReportingPeriodDto, @CurrentUser() user: AuthenticatedUser) {
    return this.svc.createPeriod(dto, user);
  }

  @Get('reporting-periods')
  @Roles(...STAFF, 'reporting_unit')
  @ApiOperation({ summary: 'The reporting periods of the authority' })
  @ApiOkResponse({ type: [ReportingPeriodView] })
  periods(@CurrentUser() user: AuthenticatedUser) {
    return this.svc.periods(user);
  }

  @Get('reporting-periods/:id/status')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Every unit with the state of its return; overdue when due and not filed' })
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
  })
  @ApiProduces('application/json', 'text/csv', 'application/pdf')
  @ApiOkResponse({ description: 'The figures (JSON), the same as CSV, or the report as PDF' })
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
  @ApiOperation({ summary: "Start the unit's return for a period (DRAFT): structured figures and text" })
  @ApiCreatedResponse({ type: UnitReportView })
  @ApiBadRequestResponse({ description: 'Malformed body' })
  @ApiNotFoundResponse({ description: 'No such period for your unit' })
  @ApiConflictResponse({ description: 'ALREADY_EXISTS: the unit has a return for the period' })
  async createReport(@Body() dto: CreateUnitReportDto, @CurrentUser() user: AuthenticatedUser) {
    return unitReportView(await this.svc.createReport(dto, user));
  }

  @Get('unit-reports')
  @Roles(...STAFF, 'reporting_unit')
  @ApiOperation({ summary: 'Returns (a unit: its own; staff: their authority’s)' })
  @ApiOkResponse({ type: UnitReportPage })
  @ApiBadRequestResponse({ description: 'Malformed query' })
  async reports(@Query() q: UnitReportsQuery, @CurrentUser() user: AuthenticatedUser) {
    const page = await this.svc.listReports(user, q);
    return { ...page, items: page.items.map(unitReportView) };
  }

  @Get('unit-reports/:id')
  @Roles(...STAFF, 'reporting_unit')
  @ApiOperation({ summary: 'A return' })
  @ApiOkResponse({ type: UnitReportView })
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  async report(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return unitReportView(await this.svc.getReport(id, user));
  }

  @Patch('unit-reports/:id')
  @Roles('reporting_unit')
  @ApiOperation({ summary: 'Change the figures or text of a DRAFT or RETURNED return' })
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
  @ApiOperation({ summary: 'The lifecycle history of a return' })
  @ApiOkResponse({ type: [HistoryEntryView] })
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  history(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.svc.historyOf(id, user);
  }

  @Get('unit-reports/:id/transitions')
  @Roles(...STAFF, 'reporting_unit')
  @ApiOperation({ summary: 'The events the caller may fire now' })
  @ApiOkResponse({ type: AllowedTransitionsDto })
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  allowed(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.svc.allowed(id, user);
  }

  @Post('unit-reports/:id/transitions')
  @HttpCode(200)
  @Roles('reporting_unit', 'approver', 'inspector')
  @ApiOperation({ summary: 'SUBMIT (the unit), ACCEPT, RETURN (reason)' })
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
  @ApiOperation({ summary: 'Attach a document to a DRAFT or RETURNED return (PDF, PNG or JPEG judged by content)' })
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
  @ApiOperation({ summary: 'The attachments of a return' })
  @ApiOkResponse({ type: [DocumentView] })
  @ApiNotFoundResponse({ description: 'Not found or not yours' })
  documents(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.svc.documentsOf(id, user);
  }

  @Get('unit-reports/:id/documents/:docId/content')
  @Roles(...STAFF, 'reporting_unit')
  @ApiOperation({ summary: 'The bytes of an attachment' })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({ description: 'The stored bytes', schema: { type: 'string', format: 'binary' } })
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
