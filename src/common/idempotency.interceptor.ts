import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { from, Observable, of, throwError } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { DataSource } from 'typeorm';
import { canonicalJson } from './canonical-json';
import { Clock } from './clock';
import { DomainError, ErrorCode } from './domain-error';

const KEY_RE = /^[\x21-\x7e]{1,200}$/;

const NEVER_REPLAY_KEY = 'idempotency:never-replay';

/**
 * A handler whose response must never be stored and replayed (login, password changes: a stored response would
 * hold a valid token, or replay an answer for someone else's retry); its Idempotency-Key is ignored.
 */
export const NeverReplay = () => SetMetadata(NEVER_REPLAY_KEY, true);

interface StoredKey {
  request_hash: string;
  state: 'IN_PROGRESS' | 'COMPLETED';
  response_status: number | null;
  response_body: unknown;
}

/**
 * `Idempotency-Key` on POST: the same key from the same caller within 24 hours returns the first response and does
 * nothing twice. The key is claimed in the database before the handler runs (so replicas and restarts agree); a
 * concurrent duplicate gets 409, a reuse with another body 422. A failed request releases its key: nothing was
 * done, so a retry may run.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    if (this.reflector.getAllAndOverride<boolean>(NEVER_REPLAY_KEY, [context.getHandler(), context.getClass()])) {
      return next.handle();
    }
    const req = context.switchToHttp().getRequest<Request & { user?: { id: string } }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.header('idempotency-key');
    if (req.method !== 'POST' || key === undefined) return next.handle();
    if (!KEY_RE.test(key)) {
      return throwError(() =>
        DomainError.validation('Invalid Idempotency-Key', [
          { field: 'Idempotency-Key', message: 'must be 1–200 visible ASCII characters' },
        ]),
      );
    }
    const scope = req.user?.id ?? `anonymous:${req.ip}`;
    // A multipart body is not parsed yet at this point (multer runs later, in the route's interceptor): its
    // fingerprint is the declared length, so a different upload under the same key is usually told apart (422).
    const multipart = Boolean(req.is('multipart/form-data'));
    const bodyPrint = multipart ? `multipart:${req.header('content-length') ?? '?'}` : canonicalJson(req.body ?? null);
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.originalUrl.split('?')[0]}\n${bodyPrint}`)
      .digest('hex');

    return from(this.claim(scope, key, requestHash)).pipe(
      mergeMap((stored) => {
        if (stored) {
          res.status(stored.response_status ?? 200);
          res.setHeader('Idempotent-Replayed', 'true');
          return of(stored.response_body);
        }
        return next.handle().pipe(
          mergeMap((body) => from(this.complete(scope, key, res.statusCode, body)).pipe(mergeMap(() => of(body)))),
          catchError((err: unknown) => from(this.release(scope, key)).pipe(mergeMap(() => throwError(() => err)))),
        );
      }),
    );
  }

  /** Returns the stored response to replay, or null when this request now owns the key. */
  private async claim(scope: string, key: string, requestHash: string): Promise<StoredKey | null> {
    const now = this.clock.now();
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND created_at < $3::timestamptz - interval '24 hours'`,
      [scope, key, now],
    );
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, requestHash, now],
    );
    if (inserted.length === 1) return null;
    const [stored]: StoredKey[] = await this.dataSource.query(
      `SELECT request_hash, state, response_status, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    if (!stored) {
      throw DomainError.conflict(ErrorCode.IDEMPOTENCY_IN_PROGRESS, 'A request with this Idempotency-Key is running');
    }
    if (stored.request_hash !== requestHash) {
      throw DomainError.rule(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        'This Idempotency-Key was used for a different request in the last 24 hours',
      );
    }
    if (stored.state !== 'COMPLETED') {
      throw DomainError.conflict(ErrorCode.IDEMPOTENCY_IN_PROGRESS, 'A request with this Idempotency-Key is running');
    }
    return stored;
  }

  private async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET state = 'COMPLETED', response_status = $3, response_body = $4
        WHERE scope = $1 AND key = $2`,
      [scope, key, status, JSON.stringify(body ?? null)],
    );
  }

  private async release(scope: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2`, [scope, key]);
  }
}
