import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { FixedClock } from '../common/clock';
import type { CalendarRepository, CalendarYearRow } from './calendar.repository';
import { CALENDAR_CACHE_TTL_MS, CalendarService } from './calendar.service';

function row(year: number, nonWorking: string[]): CalendarYearRow {
  return {
    year,
    nonWorkingDays: nonWorking.map((date) => ({ date, name: 'Nghỉ' })),
    workingWeekends: [],
    updatedAt: new Date(0),
    updatedBy: null,
  };
}

describe('CalendarService cache', () => {
  let rows: CalendarYearRow[];
  let loads: number;
  let service: CalendarService;
  let now: number;

  beforeEach(() => {
    rows = [row(2026, ['2026-03-02'])];
    loads = 0;
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const repo = {
      findAll: async () => {
        loads += 1;
        return rows;
      },
    } as unknown as CalendarRepository;
    service = new CalendarService({} as DataSource, repo, {} as AuditService, new FixedClock('2026-02-12T18:00:00Z'));
  });
  afterEach(() => jest.restoreAllMocks());

  it('loads once for concurrent callers and serves the cache within the TTL', async () => {
    const [a, b] = await Promise.all([service.calendar(), service.calendar()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
    expect(a.isWorkingDay('2026-03-02')).toBe(false);
    now += CALENDAR_CACHE_TTL_MS - 1;
    await service.calendar();
    expect(loads).toBe(1);
  });

  it('reloads after the TTL (another replica changed the table)', async () => {
    await service.calendar();
    rows = [row(2026, ['2026-03-03'])];
    now += CALENDAR_CACHE_TTL_MS;
    const c = await service.calendar();
    expect(loads).toBe(2);
    expect(c.isWorkingDay('2026-03-02')).toBe(true);
    expect(c.isWorkingDay('2026-03-03')).toBe(false);
  });

  it('reloads at once after invalidate()', async () => {
    await service.calendar();
    rows = [];
    service.invalidate();
    const c = await service.calendar();
    expect(loads).toBe(2);
    expect(c.isWorkingDay('2026-03-02')).toBe(true);
    expect(c.hasYear(2026)).toBe(false);
    // Without a table, the statutory default still knows Tết 2026.
    expect(c.isWorkingDay('2026-02-17')).toBe(false);
  });

  it('today() is the clock date in the given zone', () => {
    expect(service.today('Asia/Ho_Chi_Minh')).toBe('2026-02-13');
    expect(service.today('UTC')).toBe('2026-02-12');
  });
});
