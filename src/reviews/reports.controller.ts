import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ROLES } from '../auth/roles';
import { UuidParam } from '../common/uuid';
import { AllowedTransitionsDto } from '../workflow/transition.dto';
import {
  ReportSettingsDto,
  ReportsQuery,
  ReportTransitionDto,
  RequestReportDto,
  SubmitReportDto,
} from './dto/report.dto';
import { reportView } from './report.entity';
import { ReportsService } from './reports.service';
import { ApiList, ApiDoc, ApiPage, ApiProblems } from '../common/openapi/api-docs';
import { ReportSettingsView, ReportView } from './dto/review.views';
import { HistoryEntryView } from '../workflow/history.view';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Files the report of a period (the annual one, or an ad hoc one that was requested) → SUBMITTED. */
  @Post()
  @Roles('site_owner')
  @ApiDoc(
    'Submit a report',
    'The owner files the report of a period (the annual one, or a requested ad hoc one): SUBMITTED.',
  )
  @ApiCreatedResponse({ type: ReportView })
  @ApiProblems(404, 409, 422)
  async submit(@Body() dto: SubmitReportDto, @CurrentUser() owner: AuthenticatedUser) {
    return reportView(await this.reports.submit(dto, owner), this.reports.today());
  }

  /** An appraiser asks for an ad hoc report by a date → DUE. */
  @Post('requests')
  @Roles('appraiser')
  @ApiDoc('Request an ad hoc report', 'An appraiser asks a licensee for a report by a date: DUE.')
  @ApiCreatedResponse({ type: ReportView })
  @ApiProblems(404, 409, 422)
  async request(@Body() dto: RequestReportDto, @CurrentUser() appraiser: AuthenticatedUser) {
    return reportView(await this.reports.requestAdHoc(dto, appraiser), this.reports.today());
  }

  /** Owners see their organization's reports; staff their authority's. `overdue` is derived from the due date. */
  @Get()
  @Roles(...ROLES)
  @ApiDoc(
    'List reports',
    'Owners see their organization’s reports, staff their authority’s; `overdue` and `period` filter.',
  )
  @ApiPage(ReportView)
  async list(@Query() q: ReportsQuery, @CurrentUser() user: AuthenticatedUser) {
    const page = await this.reports.list(user, q);
    const today = this.reports.today();
    return { ...page, items: page.items.map((r) => reportView(r, today)) };
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiDoc('Read a report', 'One report with its content.')
  @ApiOkResponse({ type: ReportView })
  async get(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return reportView(await this.reports.get(id, user), this.reports.today());
  }

  @Get(':id/history')
  @Roles(...ROLES)
  @ApiDoc('A report’s history', 'Every event fired on the report, oldest first.')
  @ApiList(HistoryEntryView, 10000)
  history(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.reports.historyOf(id, user);
  }

  @Get(':id/transitions')
  @Roles(...ROLES)
  @ApiOkResponse({ type: AllowedTransitionsDto })
  @ApiDoc('Events allowed now', 'The report’s state and version and the events this caller may fire.')
  allowed(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.reports.allowed(id, user);
  }

  /** ACCEPT or RETURN (with a reason) a submitted report. */
  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('appraiser')
  @ApiDoc('Accept or return a report', 'ACCEPT, or RETURN with a reason, a submitted report.')
  @ApiOkResponse({ type: ReportView })
  @ApiProblems(409, 422)
  async transition(
    @Param('id', UuidParam) id: string,
    @Body() dto: ReportTransitionDto,
    @CurrentUser() appraiser: AuthenticatedUser,
  ) {
    return reportView(await this.reports.transition(id, dto, appraiser), this.reports.today());
  }
}

/** The authority's report settings (annual due day, reminder window). */
@ApiTags('reports')
@Controller('authorities')
export class ReportSettingsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':id/report-settings')
  @Roles('admin', 'appraiser', 'approver')
  @ApiDoc('Report settings', 'The authority’s annual due day and reminder window.')
  @ApiOkResponse({ type: ReportSettingsView })
  settings(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.reports.settings(id, user);
  }

  @Put(':id/report-settings')
  @Roles('admin')
  @ApiDoc('Set report settings', 'The admin sets the authority’s annual due day and reminder window.')
  @ApiOkResponse({ type: ReportSettingsView })
  save(@Param('id', UuidParam) id: string, @Body() dto: ReportSettingsDto, @CurrentUser() admin: AuthenticatedUser) {
    return this.reports.saveSettings(id, dto, admin);
  }
}
