import { Clock, SystemClock } from '../../src/common/clock';
import { bearer, createCast, createStaff, expectProblem, registerOwner } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { approve } from './license-fixtures';

describe('licenses: the lifecycle (suspend, reinstate, revoke, surrender)', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof createCast>>;
  let clock: SystemClock;
  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    clock = t.app.get(Clock) as SystemClock;
    // 10:00 in Hà Nội on 2026-04-01.
    clock.set(new Date('2026-04-01T03:00:00Z'));
  });
  afterAll(async () => {
    clock.reset();
    await t.close();
  });

  const issue = async () =>
    (
      await approve(t, {
        authorityId: cast.authority.id,
        owner: cast.owner,
        approver: cast.approver,
        decidedOn: '2026-03-05',
      })
    ).licenseId;
  const fire = (id: string, token: string, body: Record<string, unknown>) =>
    t.http.post(`${API}/licenses/${id}/transitions`).set(bearer(token)).send(body);
  const suspend = (id: string, extra: Record<string, unknown> = {}) =>
    fire(id, cast.approver.token, {
      event: 'SUSPEND',
      until: '2026-06-30',
      reason: 'Đăng tải thông tin sai sự thật',
      decisionNumber: '12/QĐ-STTTT',
      ...extra,
    });

  it('SUSPEND → SUSPENDED with until; REINSTATE → ACTIVE; the history and notifications follow', async () => {
    const id = await issue();
    const s = await suspend(id, { version: 1 });
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({
      id,
      status: 'SUSPENDED',
      version: 2,
      suspendedUntil: '2026-06-30',
      suspensionCount: 1,
    });

    const allowedOwner = await t.http.get(`${API}/licenses/${id}/transitions`).set(bearer(cast.owner.token));
    expect(allowedOwner.body).toMatchObject({ status: 'SUSPENDED', version: 2, allowed: ['SURRENDER'] });
    const allowedApprover = await t.http.get(`${API}/licenses/${id}/transitions`).set(bearer(cast.approver.token));
    expect(allowedApprover.body.allowed).toEqual(['REINSTATE', 'REVOKE']);

    const r = await fire(id, cast.approver.token, { event: 'REINSTATE', reason: 'Đã khắc phục' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ACTIVE', version: 3, suspensionCount: 1 });
    expect(r.body.suspendedUntil).toBeUndefined();

    const lifecycle = await t.http.get(`${API}/sites/${id}/lifecycle`).set(bearer(cast.owner.token));
    expect(lifecycle.status).toBe(200);
    expect(lifecycle.body).toMatchObject({
      siteId: id,
      state: 'ACTIVE',
      license: { id, status: 'ACTIVE' },
      allowed: ['SURRENDER'],
    });
    expect(lifecycle.body.history.map((h: { event: string }) => h.event)).toEqual(['CREATE', 'SUSPEND', 'REINSTATE']);
    expect(lifecycle.body.history[1]).toMatchObject({
      actorId: cast.approver.id,
      actorRole: 'approver',
      from: 'ACTIVE',
      to: 'SUSPENDED',
      reason: 'Đăng tải thông tin sai sự thật',
      data: { until: '2026-06-30', decisionNumber: '12/QĐ-STTTT', suspensionCount: 1 },
    });

    const notes = await t.http.get(`${API}/notifications?pageSize=100`).set(bearer(cast.owner.token));
    const kinds = notes.body.items
      .filter((n: { entityId: string }) => n.entityId === id)
      .map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['LICENSE_SUSPENDED', 'LICENSE_REINSTATED']));

    const audit = await t.http.get(`${API}/audit?entityType=license&entityId=${id}`).set(bearer(t.adminToken));
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['license.SUSPEND', 'license.REINSTATE']),
    );
  });

  it('the second suspension proposes revocation to the approvers, and never revokes alone', async () => {
    const id = await issue();
    expect((await suspend(id)).status).toBe(200);
    expect((await fire(id, cast.approver.token, { event: 'REINSTATE' })).status).toBe(200);
    const second = await suspend(id, { decisionNumber: '20/QĐ-STTTT' });
    expect(second.body).toMatchObject({ status: 'SUSPENDED', suspensionCount: 2 });

    const approverNotes = await t.http.get(`${API}/notifications?pageSize=100`).set(bearer(cast.approver2.token));
    const proposals = approverNotes.body.items.filter(
      (n: { kind: string; entityId: string }) => n.kind === 'REVOCATION_PROPOSED' && n.entityId === id,
    );
    expect(proposals).toHaveLength(1);
    expect(proposals[0].title).toContain('Đề xuất thu hồi');
    const ownerNotes = await t.http.get(`${API}/notifications?pageSize=100`).set(bearer(cast.owner.token));
    expect(ownerNotes.body.items.some((n: { kind: string }) => n.kind === 'REVOCATION_PROPOSED')).toBe(false);

    const revoke = await fire(id, cast.approver.token, {
      event: 'REVOKE',
      reason: 'Đã bị đình chỉ hai lần',
      decisionNumber: '21/QĐ-STTTT',
    });
    expect(revoke.body).toMatchObject({ status: 'REVOKED', suspensionCount: 2 });
    expect(revoke.body.suspendedUntil).toBeUndefined();
    // Final: nothing leaves REVOKED.
    expectProblem(await fire(id, cast.approver.token, { event: 'REINSTATE' }), 409, 'TRANSITION_NOT_ALLOWED');
    expectProblem(await fire(id, cast.owner.token, { event: 'SURRENDER' }), 409, 'TRANSITION_NOT_ALLOWED');
  });

  it('SURRENDER by the owner → TERMINATED; the approvers are told', async () => {
    const id = await issue();
    const r = await fire(id, cast.owner.token, { event: 'SURRENDER', reason: 'Ngừng hoạt động trang' });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('TERMINATED');
    const notes = await t.http.get(`${API}/notifications?pageSize=100`).set(bearer(cast.approver.token));
    expect(
      notes.body.items.some(
        (n: { kind: string; entityId: string }) => n.kind === 'LICENSE_SURRENDERED' && n.entityId === id,
      ),
    ).toBe(true);
  });

  it('refusals: role 403, state 409, version 409, guards 422, missing fields 400, not visible 404', async () => {
    const id = await issue();
    // Roles that may never fire a license transition.
    for (const token of [cast.appraiser.token, cast.inspector.token, t.adminToken]) {
      expectProblem(
        await fire(id, token, { event: 'SUSPEND', until: '2026-05-01', reason: 'x', decisionNumber: '1' }),
        403,
        'FORBIDDEN',
      );
    }
    // A role allowed on the route but not for this event.
    expectProblem(
      await fire(id, cast.owner.token, { event: 'SUSPEND', until: '2026-05-01', reason: 'x', decisionNumber: '1' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await fire(id, cast.approver.token, { event: 'SURRENDER' }), 403, 'FORBIDDEN');
    expectProblem(await fire(id, cast.approver.token, { event: 'EXPIRE' }), 403, 'FORBIDDEN');
    // State.
    expectProblem(await fire(id, cast.approver.token, { event: 'REINSTATE' }), 409, 'TRANSITION_NOT_ALLOWED');
    // Version.
    const stale = await suspend(id, { version: 7 });
    expectProblem(stale, 409, 'VERSION_CONFLICT');
    expect(stale.body.currentVersion).toBe(1);
    // Guards: more than 3 months, or not after today.
    const long = await suspend(id, { until: '2026-07-02' });
    expectProblem(long, 422, 'SUSPENSION_TOO_LONG');
    expect(long.body.errors).toEqual([{ field: 'until', message: 'must be on or before 2026-07-01' }]);
    expectProblem(await suspend(id, { until: '2026-04-01' }), 422, 'SUSPENSION_UNTIL_INVALID');
    // Missing or malformed fields.
    const missing = await fire(id, cast.approver.token, { event: 'SUSPEND', reason: 'x' });
    expectProblem(missing, 400, 'VALIDATION_FAILED');
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['decisionNumber', 'until']);
    expectProblem(await fire(id, cast.approver.token, { event: 'REVOKE' }), 400, 'VALIDATION_FAILED');
    expectProblem(await suspend(id, { until: '2026-02-30' }), 400, 'VALIDATION_FAILED');
    expectProblem(await suspend(id, { version: 'one' }), 400, 'VALIDATION_FAILED');
    expectProblem(await suspend(id, { force: true }), 400, 'VALIDATION_FAILED');
    expectProblem(await fire(id, cast.approver.token, { event: 'DESTROY' }), 400, 'UNKNOWN_EVENT');
    // Not visible.
    const stranger = await registerOwner(t);
    expectProblem(await fire(id, stranger.token, { event: 'SURRENDER' }), 404, 'NOT_FOUND');
    const elsewhere = await createStaff(t, 'approver', (await createCast(t)).authority.id);
    expectProblem(await suspend(id).set(bearer(elsewhere.token)), 404, 'NOT_FOUND');
    expectProblem(
      await fire('00000000-0000-4000-8000-000000000000', cast.approver.token, { event: 'REVOKE', reason: 'x' }),
      404,
      'NOT_FOUND',
    );
    // Nothing changed.
    const now = await t.http.get(`${API}/licenses/${id}`).set(bearer(cast.approver.token));
    expect(now.body).toMatchObject({ status: 'ACTIVE', version: 1, suspensionCount: 0 });
  });

  it('the longest suspension is configurable per authority (admin)', async () => {
    const c = await createCast(t);
    const id = (await approve(t, { authorityId: c.authority.id, owner: c.owner, approver: c.approver })).licenseId;
    const body = {
      event: 'SUSPEND',
      until: '2026-09-30',
      reason: 'Tước quyền sử dụng giấy phép',
      decisionNumber: '3/QĐ-XPHC',
    };
    expectProblem(await fire(id, c.approver.token, body), 422, 'SUSPENSION_TOO_LONG');

    const path = `${API}/authorities/${c.authority.id}/license-settings`;
    expectProblem(
      await t.http.put(path).set(bearer(c.approver.token)).send({ suspensionMaxMonths: 12 }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await t.http.put(path).set(bearer(t.adminToken)).send({ suspensionMaxMonths: 13 }),
      400,
      'VALIDATION_FAILED',
    );
    const set = await t.http.put(path).set(bearer(t.adminToken)).send({ suspensionMaxMonths: 12 });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ authorityId: c.authority.id, suspensionMaxMonths: 12, isDefault: false });
    expect((await fire(id, c.approver.token, body)).status).toBe(200);
  });

  it('the machine is listed by GET /state-machines right after the application', async () => {
    const r = await t.http.get(`${API}/state-machines`).set(bearer(cast.owner.token));
    const names = r.body.map((m: { name: string }) => m.name);
    expect(names.indexOf('license')).toBe(names.indexOf('application') + 1);
    const license = r.body.find((m: { name: string }) => m.name === 'license');
    expect(license.states).toEqual(['ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED', 'TERMINATED']);
    const mermaid = await t.http.get(`${API}/state-machines/license?format=mermaid`).set(bearer(cast.owner.token));
    expect(mermaid.text).toContain('SUSPENDED --> ACTIVE: REINSTATE (approver, system)');
  });
});
