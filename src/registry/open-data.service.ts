import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { ChangesQuery, ExportFormat, RegistryChangesDto } from './dto/open-data.dto';
import { decodeCursor, encodeCursor } from './feed-cursor';
import { exportWriter, isNotModified, isoDateOf } from './export-format';
import { OpenDataRepository } from './open-data.repository';
import { publicView } from './public-license';

/** The feed's event for each license history event (`workflow_history.event`). */
const FEED_EVENT: Record<string, string> = {
  BASELINE: 'BASELINE',
  CREATE: 'ISSUED',
  AMEND: 'AMENDED',
  EXTEND: 'EXTENDED',
  REISSUE: 'REISSUED',
  CHANGE_NOTICE: 'CHANGE_NOTICE',
  SUSPEND: 'SUSPENDED',
  REINSTATE: 'REINSTATED',
  REVOKE: 'REVOKED',
  SURRENDER: 'SURRENDERED',
  EXPIRE: 'EXPIRED',
};

/**
 * Each export holds a database connection for as long as the client reads; a few at a time keep the pool (and
 * the embedded database's single connection) available to everyone else. More get 429.
 */
export const MAX_CONCURRENT_EXPORTS = 4;
/** A client that reads nothing for this long is disconnected, so that it cannot hold a connection forever. */
const STALL_MS = 60_000;

export interface ConditionalHeaders {
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

/** Open data (issue 16): the whole registry in bulk, and the feed of its changes. */
@Injectable()
export class OpenDataService {
  private running = 0;

  constructor(
    private readonly repo: OpenDataRepository,
    private readonly clock: Clock,
  ) {}

  async changes(q: ChangesQuery): Promise<RegistryChangesDto> {
    const after = decodeCursor(q.since);
    const rows = await this.repo.changesAfter(after, q.limit);
    const last = rows.length ? rows[rows.length - 1].position : after;
    return {
      items: rows.map((r) => ({
        event: FEED_EVENT[r.event] ?? r.event,
        at: r.at.toISOString(),
        license: publicView(r.registry),
      })),
      next: last ? encodeCursor(last) : '',
    };
  }

  /**
   * Streams the registry to `res` from one snapshot, batch by batch, waiting for the client to drain each one
   * (constant memory). The connection is released on every path: done, failed, or the client gone mid-stream.
   */
  async export(format: ExportFormat, conditional: ConditionalHeaders, res: Response): Promise<void> {
    if (this.running >= MAX_CONCURRENT_EXPORTS) {
      throw new DomainError(ErrorCode.RATE_LIMITED, 429, 'Too many exports in progress; try again in a minute');
    }
    this.running++;
    try {
      await this.stream(format, conditional, res);
    } finally {
      this.running--;
    }
  }

  private async stream(format: ExportFormat, conditional: ConditionalHeaders, res: Response): Promise<void> {
    const snapshot = await this.repo.openSnapshot();
    try {
      const { state } = snapshot;
      const etag = `"registry-${format}-${state.changes}-${state.lastSeq}"`;
      const lastModified = state.lastChangeAt;
      res.setHeader('ETag', etag);
      if (lastModified) res.setHeader('Last-Modified', lastModified.toUTCString());
      res.setHeader('Cache-Control', 'public, no-cache');
      if (isNotModified(conditional, etag, lastModified)) {
        res.status(304).end();
        return;
      }
      const writer = exportWriter(format);
      res.status(200);
      res.setHeader('Content-Type', writer.contentType);
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="registry-licenses-${isoDateOf(this.clock.now())}.${writer.extension}"`,
      );
      let gone = false;
      res.once('close', () => {
        gone = !res.writableFinished;
      });
      if (!(await write(res, writer.start(), () => gone))) return;
      let first = true;
      for await (const batch of snapshot.rows()) {
        const chunk = batch.map((r) => {
          const text = writer.row(publicView(r), first);
          first = false;
          return text;
        });
        if (!(await write(res, chunk.join(''), () => gone))) return;
      }
      if (!(await write(res, writer.end(), () => gone))) return;
      res.end();
    } catch (e) {
      // Failing mid-stream: cut the connection (no final chunk), so that a truncated file never looks complete.
      if (res.headersSent) res.destroy();
      throw e;
    } finally {
      await snapshot.close();
    }
  }
}

/** Writes and, when the socket's buffer is full, waits for it to drain; false when the client is gone. */
async function write(res: Response, text: string, gone: () => boolean): Promise<boolean> {
  if (gone() || res.destroyed) return false;
  if (text === '' || res.write(text)) return true;
  return new Promise<boolean>((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    const timer = setTimeout(() => {
      res.destroy();
      done(false);
    }, STALL_MS);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}
