import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/roles';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { CalendarRepository } from './calendar.repository';
import { CalendarYearView, ReplaceCalendarYearDto } from './dto/calendar.dto';
import { statutoryYearTable } from './holidays';
import { IsoDate, zonedIsoDate } from './iso-date';
import { WorkingDayCalendar } from './working-day-calendar';
import { checkYearTable } from './year-table-validation';

/** A cached calendar older than this is reloaded, so that every replica sees an admin's change within a minute. */
export const CALENDAR_CACHE_TTL_MS = 60_000;

interface CacheEntry {
  calendar: WorkingDayCalendar;
  /** Real-time milliseconds (not the injectable Clock, which tests may freeze). */
  loadedAt: number;
}

/**
 * The working-day calendar of the product: the admin's yearly tables from `calendar_years`, and the statutory
 * default (Labor Code 2019 art. 112) for any year without a table.
 */
@Injectable()
export class CalendarService {
  private cache: CacheEntry | null = null;
  private loading: Promise<WorkingDayCalendar> | null = null;
  /** Bumped on every invalidation, so that a load started before a PUT never caches the old tables. */
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: CalendarRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * The calendar built from every table row plus the statutory fallback for other years. Cached in memory,
   * invalidated on PUT and reloaded when older than 60 s. Inside an open transaction pass its EntityManager (`em`):
   * a stale cache is then reloaded through it (a query through the global DataSource inside a transaction deadlocks
   * on the embedded database).
   */
  async calendar(em?: EntityManager): Promise<WorkingDayCalendar> {
    const cached = this.cache;
    if (cached && Date.now() - cached.loadedAt < CALENDAR_CACHE_TTL_MS) return cached.calendar;
    if (em) return this.load(em);
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** Today's date in an IANA time zone, from the injectable clock. */
  today(timeZone: string): IsoDate {
    return zonedIsoDate(this.clock.now(), timeZone);
  }

  /** Forgets the cached calendar (the next `calendar()` reads the tables again). */
  invalidate(): void {
    this.generation += 1;
    this.cache = null;
  }

  /** `GET /calendar/{year}`: the admin's table, or the statutory default when there is none. */
  async getYear(year: number): Promise<CalendarYearView> {
    const row = await this.repo.find(year);
    if (row) {
      return {
        year,
        source: 'table',
        nonWorkingDays: row.nonWorkingDays,
        workingWeekends: row.workingWeekends,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      };
    }
    const table = statutoryYearTable(year);
    return {
      year,
      source: 'statutory',
      nonWorkingDays: table.nonWorkingDays,
      workingWeekends: table.workingWeekends,
      updatedAt: null,
      updatedBy: null,
    };
  }

  /** `PUT /calendar/{year}`: replaces the year's table (audited `calendar.replaced`). */
  async replaceYear(year: number, dto: ReplaceCalendarYearDto, actor: Actor): Promise<CalendarYearView> {
    if (dto.year !== undefined && dto.year !== year) {
      throw DomainError.validation('The year in the body differs from the year in the path', [
        { field: 'year', message: `must be ${year} (the year in the path) or left out` },
      ]);
    }
    const checked = checkYearTable(year, dto);
    if (!checked.ok) throw DomainError.validation(`The ${year} table is invalid`, checked.errors);
    const { table } = checked;
    const row = await this.dataSource.transaction(async (em) => {
      const previous = await this.repo.find(year, em);
      const saved = await this.repo.replace(em, table, actor.id);
      await this.audit.record(em, {
        actor,
        action: 'calendar.replaced',
        entityType: 'calendar_year',
        entityId: String(year),
        data: {
          year,
          previousSource: previous ? 'table' : 'statutory',
          nonWorkingDays: table.nonWorkingDays,
          workingWeekends: table.workingWeekends,
        },
      });
      return saved;
    });
    this.invalidate();
    return {
      year,
      source: 'table',
      nonWorkingDays: row.nonWorkingDays,
      workingWeekends: row.workingWeekends,
      updatedAt: row.updatedAt,
      updatedBy: row.updatedBy,
    };
  }

  private async load(em?: EntityManager): Promise<WorkingDayCalendar> {
    const generation = this.generation;
    const rows = await this.repo.findAll(em);
    const calendar = new WorkingDayCalendar(rows);
    if (generation === this.generation) this.cache = { calendar, loadedAt: Date.now() };
    return calendar;
  }
}
