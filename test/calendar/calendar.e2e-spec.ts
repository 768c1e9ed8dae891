import { CalendarService } from '../../src/calendar/calendar.service';
import { Clock, SystemClock } from '../../src/common/clock';
import { bearer, createCast, expectProblem } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';

type Cast = Awaited<ReturnType<typeof createCast>>;

describe('calendar: GET/PUT /calendar/{year}', () => {
  let t: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  const validTable = {
    nonWorkingDays: [
      { date: '2026-01-01', name: 'Tết Dương lịch' },
      { date: '2026-02-16', name: 'Tết Nguyên đán' },
      { date: '2026-02-17', name: 'Tết Nguyên đán' },
      { date: '2026-02-18', name: 'Tết Nguyên đán' },
      { date: '2026-02-19', name: 'Tết Nguyên đán' },
      { date: '2026-02-20', name: 'Tết Nguyên đán' },
      { date: '2026-03-02', name: 'Ngày nghỉ thử nghiệm' },
    ],
    workingWeekends: ['2026-02-28'],
  };

  it('GET 2026 (any role) shows the seeded table with the Tết days and the swapped Saturdays', async () => {
    for (const user of [cast.owner, cast.appraiser, cast.inspector]) {
      const r = await t.http.get(`${API}/calendar/2026`).set(bearer(user.token));
      expect(r.status).toBe(200);
      expect(r.body.year).toBe(2026);
      expect(r.body.source).toBe('table');
      for (const date of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
        expect(r.body.nonWorkingDays).toContainEqual({ date, name: 'Tết Nguyên đán' });
      }
      expect(r.body.nonWorkingDays).toContainEqual({ date: '2026-04-27', name: 'Giỗ Tổ Hùng Vương (nghỉ bù)' });
      expect(r.body.workingWeekends).toEqual(['2026-01-10', '2026-08-22']);
    }
  });

  it('GET a year without a table answers the statutory default, flagged as such', async () => {
    const r = await t.http.get(`${API}/calendar/2030`).set(bearer(cast.approver.token));
    expect(r.status).toBe(200);
    expect(r.body.source).toBe('statutory');
    expect(r.body.nonWorkingDays).toContainEqual({ date: '2030-01-01', name: 'Tết Dương lịch' });
    expect(r.body.workingWeekends).toEqual([]);
  });

  it('a malformed or unsupported year is a 400 naming the field', async () => {
    for (const year of ['abcd', '1999', '2200', '20266', '-2026']) {
      const r = await t.http.get(`${API}/calendar/${year}`).set(bearer(cast.owner.token));
      expectProblem(r, 400, 'VALIDATION_FAILED');
      expect(r.body.errors).toEqual([expect.objectContaining({ field: 'year' })]);
    }
  });

  it('anonymous callers get 401', async () => {
    expectProblem(await t.http.get(`${API}/calendar/2026`), 401, 'UNAUTHENTICATED');
    expectProblem(await t.http.put(`${API}/calendar/2026`).send(validTable), 401, 'UNAUTHENTICATED');
  });

  it('PUT by any role but admin is 403 and changes nothing', async () => {
    for (const user of [cast.appraiser, cast.approver, cast.inspector, cast.owner]) {
      const r = await t.http.put(`${API}/calendar/2026`).set(bearer(user.token)).send(validTable);
      expectProblem(r, 403, 'FORBIDDEN');
    }
    const after = await t.http.get(`${API}/calendar/2026`).set(bearer(cast.owner.token));
    expect(after.body.workingWeekends).toEqual(['2026-01-10', '2026-08-22']);
  });

  it('PUT rejects invalid tables with one error per field, and changes nothing', async () => {
    const cases: { body: Record<string, unknown>; fields: string[] }[] = [
      {
        body: { nonWorkingDays: [{ date: '2027-01-01', name: 'Tết Dương lịch' }], workingWeekends: [] },
        fields: ['nonWorkingDays[0].date'],
      },
      {
        body: { nonWorkingDays: [{ date: '2026-02-30', name: 'Ngày không có thật' }], workingWeekends: [] },
        fields: ['nonWorkingDays[0].date'],
      },
      {
        body: { nonWorkingDays: [{ date: '2026-02-16', name: '   ' }], workingWeekends: [] },
        fields: ['nonWorkingDays[0].name'],
      },
      {
        body: {
          nonWorkingDays: [
            { date: '2026-02-16', name: 'Tết Nguyên đán' },
            { date: '2026-02-16', name: 'Tết Nguyên đán' },
          ],
          workingWeekends: [],
        },
        fields: ['nonWorkingDays[1].date'],
      },
      {
        // 2026-02-14 is a Saturday listed both ways; 2026-02-24 is a Tuesday, not a weekend.
        body: {
          nonWorkingDays: [{ date: '2026-02-14', name: 'Nghỉ' }],
          workingWeekends: ['2026-02-14', '2026-02-24', '2026-13-01'],
        },
        fields: ['workingWeekends[0]', 'workingWeekends[1]', 'workingWeekends[2]'],
      },
      { body: { workingWeekends: [] }, fields: ['nonWorkingDays'] },
      {
        body: { nonWorkingDays: [{ date: 20260216, name: 'Tết' }], workingWeekends: [] },
        fields: ['nonWorkingDays[0].date'],
      },
      { body: { ...validTable, holidays: [] }, fields: ['holidays'] },
      { body: { ...validTable, year: 2025 }, fields: ['year'] },
    ];
    for (const c of cases) {
      const r = await t.http.put(`${API}/calendar/2026`).set(bearer(t.adminToken)).send(c.body);
      expectProblem(r, 400, 'VALIDATION_FAILED');
      const fields = new Set((r.body.errors as { field: string }[]).map((e) => e.field));
      expect([...fields].sort()).toEqual([...c.fields].sort());
    }
    const after = await t.http.get(`${API}/calendar/2026`).set(bearer(cast.owner.token));
    expect(after.body.workingWeekends).toEqual(['2026-01-10', '2026-08-22']);
  });

  it('PUT by admin replaces the table: GET, the service calendar and the audit chain reflect it', async () => {
    const service = t.app.get(CalendarService);
    const before = await service.calendar();
    expect(before.isWorkingDay('2026-03-02')).toBe(true);
    expect(before.isWorkingDay('2026-02-28')).toBe(false);

    const shuffled = { ...validTable, year: 2026, nonWorkingDays: [...validTable.nonWorkingDays].reverse() };
    const r = await t.http.put(`${API}/calendar/2026`).set(bearer(t.adminToken)).send(shuffled);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ year: 2026, source: 'table', workingWeekends: ['2026-02-28'] });
    expect(r.body.nonWorkingDays).toEqual(validTable.nonWorkingDays); // sorted by date
    expect(r.body.updatedBy).toBeDefined();

    const g = await t.http.get(`${API}/calendar/2026`).set(bearer(cast.appraiser.token));
    expect(g.body.nonWorkingDays).toEqual(validTable.nonWorkingDays);
    expect(g.body.workingWeekends).toEqual(['2026-02-28']);

    // The cached calendar was invalidated: the next deadline computation uses the new table.
    const after = await service.calendar();
    expect(after.isWorkingDay('2026-03-02')).toBe(false);
    expect(after.isWorkingDay('2026-02-28')).toBe(true);
    expect(after.isWorkingDay('2026-01-02')).toBe(true); // the swap of 2 January is gone
    // 10 working days from Friday 13 Feb 2026 across Tết: 23, 24, 25, 26, 27, 28 (Sat, worked), 3, 4, 5, 6 March.
    expect(after.addWorkingDays('2026-02-13', 10)).toBe('2026-03-06');

    const audit = await t.http.get(`${API}/audit?entityType=calendar_year&entityId=2026`).set(bearer(t.adminToken));
    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ action: 'calendar.replaced', entityId: '2026' });
  });

  it('PUT creates the table of a year that had none', async () => {
    const r = await t.http
      .put(`${API}/calendar/2031`)
      .set(bearer(t.adminToken))
      .send({ nonWorkingDays: [{ date: '2031-01-01', name: 'Tết Dương lịch' }], workingWeekends: [] });
    expect(r.status).toBe(200);
    const g = await t.http.get(`${API}/calendar/2031`).set(bearer(cast.owner.token));
    expect(g.body).toMatchObject({ source: 'table', nonWorkingDays: [{ date: '2031-01-01', name: 'Tết Dương lịch' }] });
  });

  it("today() reads the injectable clock in the caller's time zone", () => {
    const clock = t.app.get(Clock) as SystemClock;
    const service = t.app.get(CalendarService);
    try {
      clock.set(new Date('2026-02-12T18:30:00Z'));
      expect(service.today('Asia/Ho_Chi_Minh')).toBe('2026-02-13');
      expect(service.today('UTC')).toBe('2026-02-12');
      clock.advance(6 * 3_600_000);
      expect(service.today('UTC')).toBe('2026-02-13');
    } finally {
      clock.reset();
    }
    expect(clock.frozen).toBe(false);
  });
});
