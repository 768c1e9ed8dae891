import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/roles';
import { AuthoritiesRepository } from '../authorities/authorities.repository';
import { compareIsoDate, isIsoDate, zonedIsoDate } from '../calendar/iso-date';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { CreateLegalParameterDto } from './dto/legal-parameter.dto';
import {
  LEGAL_PARAMETERS,
  LEGAL_VALUE_MAX,
  LegalParameterKey,
  ParameterDefinition,
  parameterDefinition,
} from './legal-catalog';
import { LegalRepository, ParameterRow } from './legal.repository';

export type ParameterValue = number | string;

/** The typed value of a stored version: a number, or `MM-DD` for a month_day. */
export function typedValue(row: Pick<ParameterRow, 'unit' | 'value'>): ParameterValue {
  return row.unit === 'month_day' ? row.value : Number(row.value);
}

/** Why a value is not admissible for a definition, or null. */
export function valueProblem(def: ParameterDefinition, value: unknown): string | null {
  if (def.unit === 'month_day') {
    if (typeof value !== 'string' || !/^\d{2}-\d{2}$/.test(value) || !isIsoDate(`2024-${value}`)) {
      return 'must be a day of the year MM-DD';
    }
    return null;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) return 'must be an integer';
  // Every numeric figure is a count (days, hours, months, years, times): never negative, and bounded so that it
  // survives its text column and the document can state its range (LEGAL_VALUE_MAX).
  if (value < 0 || value > LEGAL_VALUE_MAX) return `must be between 0 and ${LEGAL_VALUE_MAX}`;
  if (def.min !== undefined && value < def.min) return `must be at least ${def.min}`;
  if (def.max !== undefined && value > def.max) return `must be at most ${def.max}`;
  return null;
}

/**
 * The legal figures as effective-dated data. Every rule asks `valueOn(key, the date it judges, authority)`; a
 * change by an admin takes effect from a date that is today or later, so what was judged before is never
 * re-judged with another figure (a change dated in the past is refused, 422 EFFECTIVE_DATE_IN_PAST).
 */
@Injectable()
export class LegalParametersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly repo: LegalRepository,
    private readonly authorities: AuthoritiesRepository,
    private readonly audit: AuditService,
  ) {}

  today(): string {
    return zonedIsoDate(this.clock.now(), this.config.defaultTimeZone);
  }

  /** The version of `key` in force on `on` for the authority (its own value where it has one). */
  async versionOn(key: LegalParameterKey, on: string, authorityId?: string | null, em?: EntityManager) {
    const row = await this.repo.parameterOn(key, on, authorityId ?? null, em);
    if (!row) {
      throw DomainError.rule('LEGAL_PARAMETER_NOT_IN_FORCE', `No value of ${key} is in force on ${on}`, {
        extensions: { key, on },
      });
    }
    return row;
  }

  /** The value of `key` in force on `on`: the one method every rule calls. */
  async valueOn(key: LegalParameterKey, on: string, authorityId?: string | null, em?: EntityManager) {
    return typedValue(await this.versionOn(key, on, authorityId, em));
  }

  /** `valueOn` for the numeric figures (days, months, years, hours, counts). */
  async numberOn(key: LegalParameterKey, on: string, authorityId?: string | null, em?: EntityManager) {
    const v = await this.valueOn(key, on, authorityId, em);
    if (typeof v !== 'number') throw new Error(`${key} is not numeric`);
    return v;
  }

  /** Several numeric figures on one day (one rule needing a few of them). */
  async numbersOn<K extends LegalParameterKey>(
    keys: readonly K[],
    on: string,
    authorityId?: string | null,
    em?: EntityManager,
  ): Promise<Record<K, number>> {
    const out = {} as Record<K, number>;
    for (const k of keys) out[k] = await this.numberOn(k, on, authorityId, em);
    return out;
  }

  async list(on: string | undefined, authorityId: string | undefined) {
    if (authorityId && !(await this.authorities.findById(authorityId))) throw DomainError.notFound('Authority');
    const rows = await this.repo.parametersOn(on ?? this.today(), authorityId ?? null);
    return rows.map(parameterView);
  }

  async versions(key: string) {
    if (!parameterDefinition(key)) throw DomainError.notFound('Legal parameter');
    return (await this.repo.parameterVersions(key)).map(parameterView);
  }

  async create(dto: CreateLegalParameterDto, actor: Actor) {
    const def = parameterDefinition(dto.key);
    if (!def) {
      throw DomainError.validation('Unknown legal parameter', [
        { field: 'key', message: `one of ${LEGAL_PARAMETERS.map((p) => p.key).join(', ')}` },
      ]);
    }
    const problem = valueProblem(def, dto.value);
    if (problem) throw DomainError.validation(`Invalid value for ${def.key}`, [{ field: 'value', message: problem }]);
    if (dto.authorityId && !def.perAuthority) {
      throw DomainError.rule('PARAMETER_NOT_PER_AUTHORITY', `${def.key} is the same for every authority`, {
        errors: [{ field: 'authorityId', message: 'not allowed for this key' }],
      });
    }
    const today = this.today();
    if (compareIsoDate(dto.effectiveFrom, today) < 0) {
      throw DomainError.rule('EFFECTIVE_DATE_IN_PAST', 'A legal figure changes from today or a later day', {
        errors: [{ field: 'effectiveFrom', message: `must be ${today} or later` }],
        extensions: { today },
      });
    }
    return this.dataSource.transaction(async (em) => {
      const created = await this.insertVersion(
        em,
        def,
        {
          authorityId: dto.authorityId ?? null,
          effectiveFrom: dto.effectiveFrom,
          value: dto.value,
          basis: dto.basis.trim(),
          verified: dto.verified ?? false,
        },
        actor,
      );
      return parameterView(created);
    });
  }

  /**
   * An authority's own value of a per-authority key from today on (the per-authority settings endpoints write
   * through this); set twice the same day, the later value replaces the earlier one. Audited in the transaction.
   */
  async setAuthorityValueFromToday(
    em: EntityManager,
    key: LegalParameterKey,
    authorityId: string,
    value: number,
    actor: Actor,
  ): Promise<ParameterRow> {
    const def = parameterDefinition(key);
    if (!def?.perAuthority) throw new Error(`${key} is not a per-authority key`);
    const problem = valueProblem(def, value);
    if (problem) throw DomainError.validation(`Invalid value for ${key}`, [{ field: 'value', message: problem }]);
    const effectiveFrom = this.today();
    const row = await this.repo.upsertAuthorityParameter(
      em,
      {
        key,
        unit: def.unit,
        authorityId,
        effectiveFrom,
        value: String(value),
        basis: 'Thiết lập của cơ quan cấp phép',
        verified: false,
      },
      actor.id,
    );
    await this.audit.record(em, {
      actor,
      action: 'legal_parameter.created',
      entityType: 'legal_parameter',
      entityId: `${key}@${effectiveFrom}/${authorityId}`,
      authorityId,
      data: { key, value, effectiveFrom, authorityId },
    });
    return row;
  }

  /**
   * Writes a version inside the caller's transaction, with its audit record (409 when that exact version exists).
   * Callers check the effective date; the per-authority license setting uses this to write its override.
   */
  async insertVersion(
    em: EntityManager,
    def: ParameterDefinition,
    v: { authorityId: string | null; effectiveFrom: string; value: ParameterValue; basis: string; verified: boolean },
    actor: Actor,
  ): Promise<ParameterRow> {
    if (v.authorityId && !(await this.authorities.findById(v.authorityId, em))) throw DomainError.notFound('Authority');
    const created = await this.repo.insertParameter(
      em,
      { key: def.key, unit: def.unit, ...v, value: String(v.value) },
      actor.id,
    );
    if (!created) {
      throw DomainError.conflict(
        ErrorCode.ALREADY_EXISTS,
        `${def.key} already has a version from ${v.effectiveFrom}${v.authorityId ? ' for this authority' : ''}`,
      );
    }
    await this.audit.record(em, {
      actor,
      action: 'legal_parameter.created',
      entityType: 'legal_parameter',
      entityId: `${def.key}@${v.effectiveFrom}${v.authorityId ? `/${v.authorityId}` : ''}`,
      authorityId: v.authorityId ?? undefined,
      data: { key: def.key, value: v.value, effectiveFrom: v.effectiveFrom, authorityId: v.authorityId },
    });
    return created;
  }
}

/** What the API shows of a version. */
export function parameterView(r: ParameterRow) {
  return {
    key: r.key,
    value: typedValue(r),
    unit: r.unit,
    effectiveFrom: r.effectiveFrom,
    basis: r.basis,
    verified: r.verified,
    authorityId: r.authorityId,
    rule: parameterDefinition(r.key)?.rule ?? null,
  };
}
