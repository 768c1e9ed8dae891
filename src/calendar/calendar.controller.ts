import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ROLES } from '../auth/roles';
import { CalendarService } from './calendar.service';
import {
  CALENDAR_MAX_YEAR,
  CALENDAR_MIN_YEAR,
  CalendarYearPipe,
  CalendarYearView,
  ReplaceCalendarYearDto,
} from './dto/calendar.dto';
import { ApiDoc, ApiProblems } from '../common/openapi/api-docs';
import { ApiParam } from '@nestjs/swagger';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** The year's non-working days and worked weekends (the admin's table, or the statutory default). */
  @Get(':year')
  @Roles(...ROLES)
  @ApiOkResponse({ type: CalendarYearView })
  @ApiDoc(
    'A year’s working-day calendar',
    'The year’s non-working days and worked weekends: the admin’s table, or the statutory default.',
  )
  @ApiParam({
    name: 'year',
    schema: { type: 'integer', format: 'int32', minimum: CALENDAR_MIN_YEAR, maximum: CALENDAR_MAX_YEAR },
  })
  get(@Param('year', CalendarYearPipe) year: number): Promise<CalendarYearView> {
    return this.calendar.getYear(year);
  }

  /** Replaces the year's table (swap notices, a new holiday). */
  @Put(':year')
  @Roles('admin')
  @ApiOkResponse({ type: CalendarYearView })
  @ApiDoc('Replace a year’s calendar', 'The admin replaces the year’s table (swap notices, a new holiday).')
  @ApiParam({
    name: 'year',
    schema: { type: 'integer', format: 'int32', minimum: CALENDAR_MIN_YEAR, maximum: CALENDAR_MAX_YEAR },
  })
  @ApiProblems(422)
  replace(
    @Param('year', CalendarYearPipe) year: number,
    @Body() dto: ReplaceCalendarYearDto,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<CalendarYearView> {
    return this.calendar.replaceYear(year, dto, admin);
  }
}
