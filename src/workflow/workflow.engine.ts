import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/roles';
import { DomainError, ErrorCode } from '../common/domain-error';
import { eventsFrom, isEvent, MachineDefinition, Transition, transitionFor } from './machine';
import { WorkflowHistoryRepository } from './workflow-history.repository';

/** The columns the engine relies on: a uuid `id`, an integer `version`, and the machine's state field. */
export type StatefulRecord = ObjectLiteral & { id: string; version: number };

export interface TransitionContext<T extends StatefulRecord> {
  em: EntityManager;
  record: T;
  actor: Actor;
  event: string;
  from: string;
  to: string;
  transition: Transition;
  /** The request's extra fields (reason, note, items, …), as the controller validated them. */
  input: Record<string, unknown>;
  /** Columns to write along with the new state and version; also merged into `record`. */
  patch(changes: Partial<T>): void;
  /** Added to the history row's and the audit event's `data`. */
  note(data: Record<string, unknown>): void;
}

export type TransitionHook<T extends StatefulRecord> = (ctx: TransitionContext<T>) => void | Promise<void>;

export interface FireOptions<T extends StatefulRecord> {
  machine: MachineDefinition;
  entity: EntityTarget<T>;
  id: string;
  event: unknown;
  actor: Actor;
  /** When given and different from the record's version: 409 VERSION_CONFLICT, nothing changes. */
  expectedVersion?: number;
  input?: Record<string, unknown>;
  /** false → 404: the caller may not see this record (never leak its existence). */
  visible: (record: T) => boolean;
  /** Per-record rules on the caller beyond the role (assignee only, four eyes): throw 403 to refuse. */
  authorize?: TransitionHook<T>;
  /** Guard implementations by name; a guard throws a 422 DomainError with its own code. */
  guards?: Record<string, TransitionHook<T>>;
  /** Effects of the transition, inside the same transaction (assignments, clocks, issuing a license, outbox). */
  effect?: TransitionHook<T>;
  /** Authority and organization the audit event belongs to (who may read it). */
  scope: (record: T) => { authorityId?: string | null; organizationId?: string | null };
  /** Run inside this transaction instead of opening one. */
  em?: EntityManager;
}

export interface FireResult<T> {
  record: T;
  from: string;
  to: string;
}

/**
 * Applies any lifecycle. One transaction: lock the row, check event (400), visibility (404), state (409),
 * role (403), version (409), per-record authorization (403) and guards (422); then the effects, the new state and
 * version, a history row and an audit event. Either all of it is written or none.
 */
@Injectable()
export class WorkflowEngine {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: WorkflowHistoryRepository,
    private readonly audit: AuditService,
  ) {}

  async fire<T extends StatefulRecord>(opts: FireOptions<T>): Promise<FireResult<T>> {
    const { machine } = opts;
    if (!isEvent(machine, opts.event)) {
      throw new DomainError(
        ErrorCode.UNKNOWN_EVENT,
        400,
        `Unknown event "${String(opts.event)}" for ${machine.name}; events are ${machine.events.join(', ')}`,
        { errors: [{ field: 'event', message: `must be one of ${machine.events.join(', ')}` }] },
      );
    }
    const event = opts.event;
    const run = (em: EntityManager) => this.fireIn(em, opts, event);
    return opts.em ? run(opts.em) : this.dataSource.transaction(run);
  }

  private async fireIn<T extends StatefulRecord>(
    em: EntityManager,
    opts: FireOptions<T>,
    event: string,
  ): Promise<FireResult<T>> {
    const { machine, actor } = opts;
    const repo = em.getRepository(opts.entity);
    const record = (await repo.findOne({
      where: { id: opts.id } as never,
      lock: { mode: 'pessimistic_write' },
    })) as T | null;
    if (!record || !opts.visible(record)) throw DomainError.notFound(capitalize(machine.name));

    const from = String(record[machine.stateField]);
    const transition = transitionFor(machine, from, event);
    if (!transition) {
      throw DomainError.conflict(
        ErrorCode.TRANSITION_NOT_ALLOWED,
        `${event} is not allowed when the ${machine.name} is ${from}`,
        { state: from, event, allowed: eventsFrom(machine, from, actor.role) },
      );
    }
    if (!(transition.roles as readonly string[]).includes(actor.role)) {
      throw DomainError.forbidden(`The role ${actor.role} may not ${event} a ${machine.name}`);
    }
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== record.version) {
      throw DomainError.conflict(
        ErrorCode.VERSION_CONFLICT,
        `The ${machine.name} is at version ${record.version}, not ${opts.expectedVersion}`,
        { currentVersion: record.version },
      );
    }

    const changes: Record<string, unknown> = {};
    const notes: Record<string, unknown> = {};
    const ctx: TransitionContext<T> = {
      em,
      record,
      actor,
      event,
      from,
      to: transition.to,
      transition,
      input: opts.input ?? {},
      patch(c) {
        Object.assign(changes, c);
        Object.assign(record, c);
      },
      note(d) {
        Object.assign(notes, d);
      },
    };
    await opts.authorize?.(ctx);
    for (const name of transition.guards ?? []) {
      const guard = opts.guards?.[name];
      if (!guard) throw new Error(`Guard ${name} of ${machine.name}.${event} has no implementation`);
      await guard(ctx);
    }
    await opts.effect?.(ctx);

    const version = record.version + 1;
    ctx.patch({ [machine.stateField]: transition.to, version } as Partial<T>);
    await repo.update({ id: record.id } as never, changes as never);

    const reason = typeof ctx.input.reason === 'string' ? ctx.input.reason : null;
    await this.history.append(em, {
      entityType: machine.entityType,
      entityId: record.id,
      event,
      fromState: from,
      toState: transition.to,
      actor,
      reason,
      data: notes,
    });
    await this.audit.record(em, {
      actor,
      action: `${machine.entityType}.${event}`,
      entityType: machine.entityType,
      entityId: record.id,
      ...opts.scope(record),
      data: { from, to: transition.to, version, ...(reason ? { reason } : {}), ...notes },
    });
    return { record, from, to: transition.to };
  }

  /**
   * Records the birth of a lifecycle record (its initial state) in history and audit, inside the caller's
   * transaction.
   */
  async recordCreation(
    em: EntityManager,
    machine: MachineDefinition,
    id: string,
    actor: Actor,
    scope: { authorityId?: string | null; organizationId?: string | null },
    data: Record<string, unknown> = {},
  ): Promise<void> {
    await this.history.append(em, {
      entityType: machine.entityType,
      entityId: id,
      event: 'CREATE',
      fromState: null,
      toState: machine.initial,
      actor,
      reason: null,
      data,
    });
    await this.audit.record(em, {
      actor,
      action: `${machine.entityType}.CREATE`,
      entityType: machine.entityType,
      entityId: id,
      ...scope,
      data: { to: machine.initial, ...data },
    });
  }

  /** Events the caller may fire now: the state allows them, the role may, and per-record rules pass. */
  async allowedEvents<T extends StatefulRecord>(
    machine: MachineDefinition,
    record: T,
    actor: Actor,
    authorize?: (event: string) => boolean,
  ): Promise<string[]> {
    const from = String(record[machine.stateField]);
    return eventsFrom(machine, from, actor.role).filter((e) => (authorize ? authorize(e) : true));
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
