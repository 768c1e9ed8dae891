import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuthoritiesRepository } from '../authorities/authorities.repository';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import { LICENSE_STATUSES } from '../licenses/license.entity';
import { INSPECTION_STATES } from '../reviews/inspection.machine';
import { UNLICENSED_SITE_STATES } from '../unlicensed-sites/unlicensed-site.machine';
import { StatisticsQuery } from './dto/statistics.dto';
import { countsBy, summarizeDurations } from './processing-time';
import { Period, StatisticsRepository } from './statistics.repository';

const APPLICATION_TYPES = ['NEW', 'AMENDMENT', 'EXTENSION', 'REISSUE', 'CHANGE_NOTICE'] as const;

/**
 * The authority's figures for its half-yearly report upward (Circular 09/2014 art. 9): dossiers, processing
 * times in working days, licenses, reports, inspections and violations, in one call.
 */
@Injectable()
export class StatisticsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly authorities: AuthoritiesRepository,
    private readonly repo: StatisticsRepository,
  ) {}

  async compute(q: StatisticsQuery, user: AuthenticatedUser) {
    if (q.from > q.to) {
      throw DomainError.validation('The period is inverted', [{ field: 'to', message: 'must be on or after from' }]);
    }
    let authorityId: string | null;
    let timeZone = this.config.defaultTimeZone;
    if (user.role === 'admin') {
      authorityId = q.authorityId ?? null;
    } else {
      // Staff see their own authority only; another authority's id names nothing they may see.
      if (q.authorityId && q.authorityId !== user.authorityId) throw DomainError.notFound('Authority');
      authorityId = user.authorityId;
    }
    if (authorityId) {
      const authority = await this.authorities.findById(authorityId);
      if (!authority) throw DomainError.notFound('Authority');
      timeZone = authority.timeZone;
    }
    const p: Period = { authorityId, from: q.from, to: q.to, timeZone };
    const [received, decided, pendingOverdue, licenses, issued, reports, inspections, violations, calendar, notices] =
      await Promise.all([
        this.repo.received(p),
        this.repo.decided(p),
        this.repo.pendingOverdue(authorityId, this.clock.now()),
        this.repo.licensesByStatus(authorityId),
        this.repo.licensesIssued(p),
        this.repo.reports(p),
        this.repo.inspectionsByState(p),
        this.repo.violationsByType(p),
        this.calendar.calendar(),
        this.repo.changeNotices(p),
      ]);
    const [requests, unlicensed] = await Promise.all([this.repo.contentRequests(p), this.repo.unlicensedSites(p)]);

    const decidedByType = Object.fromEntries(
      APPLICATION_TYPES.map((t) => [
        t,
        {
          APPROVED: decided.filter((d) => d.type === t && d.state === 'APPROVED').length,
          REJECTED: decided.filter((d) => d.type === t && d.state === 'REJECTED').length,
        },
      ]),
    );
    // From the day the statutory clock started to the decision (Decree 72/2013 art. 23e; Civil Code art. 147).
    const durations = decided
      .filter((d) => d.clockStartedOn !== null)
      .map((d) => calendar.workingDaysBetween(d.clockStartedOn!, d.decidedOn));
    const receivedByType = countsBy(APPLICATION_TYPES, received);
    const violationsByType = violations.map((v) => ({ ...v, fines: Number(v.fines) }));

    return {
      authorityId,
      from: q.from,
      to: q.to,
      generatedAt: this.clock.now(),
      applications: {
        received: { total: received.reduce((s, r) => s + Number(r.n), 0), byType: receivedByType },
        decided: {
          total: decided.length,
          approved: decided.filter((d) => d.state === 'APPROVED').length,
          rejected: decided.filter((d) => d.state === 'REJECTED').length,
          byType: decidedByType,
        },
        processingWorkingDays: summarizeDurations(durations),
        overdue: { decidedLate: decided.filter((d) => d.late).length, pendingOverdue },
      },
      changeNotices: notices,
      licenses: { byStatus: countsBy(LICENSE_STATUSES, licenses), issuedInPeriod: issued },
      reports,
      inspections: {
        total: inspections.reduce((s, r) => s + Number(r.n), 0),
        byState: countsBy(INSPECTION_STATES, inspections),
      },
      violations: {
        total: violationsByType.reduce((s, v) => s + v.count, 0),
        sanctioned: violationsByType.reduce((s, v) => s + v.sanctioned, 0),
        totalFines: violationsByType.reduce((s, v) => s + v.fines, 0),
        byType: violationsByType,
      },
      // issue 15: correction and removal requests issued in the period, by kind
      contentRequests: contentRequestFigures(requests),
      // issue 15: sites without a license found in the period, by their state today
      unlicensedSites: {
        found: unlicensed.found,
        byState: countsBy(UNLICENSED_SITE_STATES, unlicensed.byState),
      },
    };
  }
}

type RequestRow = {
  kind: string;
  issued: number;
  answered: number;
  accepted: number;
  missed: number;
  violations: number;
};

/** Per kind (CORRECTION, REMOVAL) and in total; kinds without a request count zero. */
export function contentRequestFigures(rows: RequestRow[]) {
  const zero = { issued: 0, answered: 0, accepted: 0, missed: 0, violations: 0 };
  const byKind = Object.fromEntries(
    (['CORRECTION', 'REMOVAL'] as const).map((k) => {
      const r = rows.find((x) => x.kind === k);
      return [
        k,
        r
          ? {
              issued: +r.issued,
              answered: +r.answered,
              accepted: +r.accepted,
              missed: +r.missed,
              violations: +r.violations,
            }
          : { ...zero },
      ];
    }),
  ) as Record<'CORRECTION' | 'REMOVAL', typeof zero>;
  const total = { ...zero };
  for (const v of Object.values(byKind)) for (const k of Object.keys(zero) as (keyof typeof zero)[]) total[k] += v[k];
  return { ...total, byKind };
}
