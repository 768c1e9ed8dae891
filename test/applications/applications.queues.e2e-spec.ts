import { Clock, SystemClock } from '../../src/common/clock';
import { bearer, Cast, createCast, expectProblem, fileApplicationTo, fireApplicationOk } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';

/** The work queues of the back office: `assignee=me|none` and `sort=deadline` on GET /applications. */
describe('applications: work queues (assignee and deadline order)', () => {
  let t: TestApp;
  let cast: Cast;
  let clock: SystemClock;
  const ids: Record<string, string> = {};
  const start = new Date('2026-04-06T03:00:00Z'); // Monday 6 April 2026, 10:00 in Hà Nội

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    clock = t.app.get(Clock) as SystemClock;
    clock.set(start);
    // "late": confirmed complete first, so due first; "early": confirmed two days later, due later.
    const first = await fileApplicationTo(t, cast, 'IN_REVIEW');
    await fireApplicationOk(t, cast.appraiser.token, first.id, { event: 'CONFIRM_COMPLETE' });
    clock.advance(2 * 24 * 3600 * 1000);
    const second = await fileApplicationTo(t, cast, 'IN_REVIEW');
    await fireApplicationOk(t, cast.appraiser.token, second.id, { event: 'CONFIRM_COMPLETE' });
    // Taken but without a clock yet, filed last.
    const third = await fileApplicationTo(t, cast, 'IN_REVIEW');
    // Filed, nobody has taken them: two, filed one hour apart.
    clock.advance(3600 * 1000);
    const waiting1 = await fileApplicationTo(t, cast, 'SUBMITTED');
    clock.advance(3600 * 1000);
    const waiting2 = await fileApplicationTo(t, cast, 'SUBMITTED');
    Object.assign(ids, {
      first: first.id,
      second: second.id,
      third: third.id,
      waiting1: waiting1.id,
      waiting2: waiting2.id,
    });
  });
  afterAll(async () => {
    clock.reset();
    await t.close();
  });

  const list = (token: string, query: string) => t.http.get(`${API}/applications?${query}`).set(bearer(token));

  it('my queue by deadline: the earliest due date first, dossiers without a clock after', async () => {
    const r = await list(cast.appraiser.token, 'assignee=me&sort=deadline');
    expect(r.status).toBe(200);
    expect(r.body.items.map((a: { id: string }) => a.id)).toEqual([ids.first, ids.second, ids.third]);
    expect(r.body.items[0].deadline.dueAt < r.body.items[1].deadline.dueAt).toBe(true);
    expect(r.body.items[2].deadline).toBeNull();
  });

  it('the unassigned queue: only dossiers nobody has taken, oldest filed first with sort=deadline', async () => {
    const r = await list(cast.appraiser2.token, 'assignee=none&sort=deadline');
    expect(r.body.items.map((a: { id: string }) => a.id)).toEqual([ids.waiting1, ids.waiting2]);
    expect(r.body.items.every((a: { assigneeId: string | null }) => a.assigneeId === null)).toBe(true);
    expect(r.body.total).toBe(2);
  });

  it('newest first stays the default order', async () => {
    const r = await list(cast.appraiser.token, 'pageSize=100');
    expect(r.body.items[0].id).toBe(ids.waiting2);
    const s = await list(cast.appraiser.token, 'sort=newest&pageSize=100');
    expect(s.body.items.map((a: { id: string }) => a.id)).toEqual(r.body.items.map((a: { id: string }) => a.id));
  });

  it('another authority sees none of them in any queue', async () => {
    const other = await createCast(t);
    const r = await list(other.appraiser.token, 'assignee=none&sort=deadline');
    expect(r.body.items).toEqual([]);
  });

  it.each(['sort=due', 'sort=', 'assignee=nobody', 'assignee=ME', 'sort=deadline&sort=newest'])(
    'refuses %s with 400',
    async (query) => {
      expectProblem(await list(cast.appraiser.token, query), 400, 'VALIDATION_FAILED');
    },
  );
});
