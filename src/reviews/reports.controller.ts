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

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Files the report of a period (the annual one, or an ad hoc one that was requested) → SUBMITTED. */
  @Post()
  @Roles('site_owner')
  @ApiCreatedResponse({ description: 'The report, SUBMITTED' })
  async submit(@Body() dto: SubmitReportDto, @CurrentUser() owner: AuthenticatedUser) {
    return reportView(await this.reports.submit(dto, owner), this.reports.today());
  }

  /** An appraiser asks for an ad hoc report by a date → DUE. */
  @Post('requests')
  @Roles('appraiser')
  @ApiCreatedResponse({ description: 'The requested report, DUE' })
  async request(@Body() dto: RequestReportDto, @CurrentUser() appraiser: AuthenticatedUser) {
    return reportView(await this.reports.requestAdHoc(dto, appraiser), this.reports.today());
  }

  /** Owners see their organization's reports; staff their authority's. `overdue` is derived from the due date. */
  @Get()
  @Roles(...ROLES)
  async list(@Query() q: ReportsQuery, @CurrentUser() user: AuthenticatedUser) {
    const page = await this.reports.list(user, q);
    const today = this.reports.today();
    return { ...page, items: page.items.map((r) => reportView(r, today)) };
  }

  @Get(':id')
  @Roles(...ROLES)
  async get(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return reportView(await this.reports.get(id, user), this.reports.today());
  }

  @Get(':id/history')
  @Roles(...ROLES)
  history(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.reports.historyOf(id, user);
  }

  @Get(':id/transitions')
  @Roles(...ROLES)
  @ApiOkResponse({ type: AllowedTransitionsDto })
  allowed(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.reports.allowed(id, user);
  }

  /** ACCEPT or RETURN (with a reason) a submitted report. */
  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('appraiser')
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
  settings(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.reports.settings(id, user);
  }

  @Put(':id/report-settings')
  @Roles('admin')
  save(@Param('id', UuidParam) id: string, @Body() dto: ReportSettingsDto, @CurrentUser() admin: AuthenticatedUser) {
    return this.reports.saveSettings(id, dto, admin);
  }
}
