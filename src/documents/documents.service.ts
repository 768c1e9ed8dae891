import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/roles';
import { DomainError, ErrorCode } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { StoredUpload } from './document-upload';
import { DocumentOwner, DocumentRow, DocumentsRepository } from './documents.repository';
import { DocumentView } from './dto/document.dto';
import { attachmentDisposition, sanitizeFileName } from './file-name';
import { FileStore, StoredFileMissingError, SweepResult } from './file-store';

/** Files no row references are deleted once they are this old (the longest an upload's transaction may take). */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export function documentView(row: DocumentRow): DocumentView {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    size: row.size,
    sha256: row.sha256,
    contentType: row.contentType,
    createdAt: row.createdAt,
    superseded: row.supersededBy !== null,
    ...(row.supersededBy ? { supersededBy: row.supersededBy } : {}),
    ...(row.uploadedBy ? { uploadedBy: row.uploadedBy } : {}),
  };
}

/**
 * Documents of any owner (dossiers now, inspections later). Immutable: a new upload of a kind supersedes the
 * current one, which stays readable. The file is stored (content-addressed, idempotent) before its row is written;
 * a row is never written without its file, and a file no row references is swept after a grace period.
 */
@Injectable()
export class DocumentsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DocumentsService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: DocumentsRepository,
    private readonly store: FileStore,
    private readonly audit: AuditService,
  ) {}

  /** With the scheduler enabled: sweep orphans at start-up and every hour. */
  onApplicationBootstrap(): void {
    if (!this.config.schedulerEnabled) return;
    const run = () => {
      this.sweepOrphans().catch((error: unknown) => this.logger.error({ err: error }, 'Document sweep failed'));
    };
    setImmediate(run);
    this.timer = setInterval(run, SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Records the uploaded file (already in the store) as a document of `owner`, in the caller's transaction; the
   * owner's current document of the same kind, if any, is marked superseded by the new one. Audits
   * `document.uploaded` (append it before your own audit events only if you want it first: the chain is ordered).
   */
  async attach(
    em: EntityManager,
    owner: DocumentOwner,
    kind: string,
    file: StoredUpload,
    actor: Actor,
    scope: { authorityId?: string | null; organizationId?: string | null },
    opts: { discardEarlier?: boolean } = {},
  ): Promise<DocumentView> {
    await this.repo.lockAgainstSweep(em);
    if (!(await this.store.exists(file.sha256))) {
      // Only if a sweep ran between the upload and this transaction (more than the grace period): retry.
      throw DomainError.conflict(ErrorCode.CONFLICT, 'The uploaded file is no longer available; upload it again');
    }
    await this.repo.lockKind(em, owner, kind);
    const previous = await this.repo.current(em, owner, kind);
    const id = randomUUID();
    // `discardEarlier`: earlier versions of the kind are deleted (their files become orphans, swept), not kept.
    if (opts.discardEarlier) await this.repo.deleteKind(em, owner, kind);
    else if (previous) await this.repo.markSuperseded(em, previous.id, id);
    const row = await this.repo.insert(em, {
      id,
      ownerType: owner.type,
      ownerId: owner.id,
      kind,
      fileName: sanitizeFileName(file.fileName),
      contentType: file.contentType,
      size: file.size,
      sha256: file.sha256,
      uploadedBy: actor.id,
    });
    await this.audit.record(em, {
      actor,
      action: 'document.uploaded',
      entityType: owner.type,
      entityId: owner.id,
      authorityId: scope.authorityId ?? null,
      organizationId: scope.organizationId ?? null,
      data: {
        documentId: row.id,
        kind,
        fileName: row.fileName,
        contentType: row.contentType,
        size: row.size,
        sha256: row.sha256,
        ...(previous ? { supersedes: previous.id } : {}),
        ...(previous && opts.discardEarlier ? { discarded: previous.id } : {}),
      },
    });
    return documentView(row);
  }

  /** Current (not superseded) documents of an owner, oldest first; all of them with `includeSuperseded`. */
  async list(
    owner: DocumentOwner,
    opts: { includeSuperseded?: boolean; em?: EntityManager } = {},
  ): Promise<DocumentView[]> {
    return (await this.repo.list(owner, opts.includeSuperseded ?? false, opts.em)).map(documentView);
  }

  /** Kinds that have a current document. */
  currentKinds(em: EntityManager, owner: DocumentOwner): Promise<string[]> {
    return this.repo.currentKinds(em, owner);
  }

  /** The document `docId` of `owner` (current or superseded), or null. The caller checks the owner's visibility. */
  async get(owner: DocumentOwner, docId: string, em?: EntityManager): Promise<DocumentView | null> {
    const row = await this.repo.find(owner, docId, em);
    return row ? documentView(row) : null;
  }

  /** The stored bytes of a document. */
  async openContent(doc: Pick<DocumentView, 'sha256'>): Promise<Readable> {
    try {
      return await this.store.open(doc.sha256);
    } catch (error) {
      if (error instanceof StoredFileMissingError) {
        this.logger.error({ sha256: doc.sha256 }, 'A document row references a missing file');
        throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 503, 'The document content is unavailable');
      }
      throw error;
    }
  }

  /**
   * The download response: the bytes as a StreamableFile plus the headers to set (`Content-Type` from the row,
   * `Content-Disposition: attachment` with the UTF-8 name, `X-Content-Type-Options: nosniff`, `ETag` = SHA-256).
   * In a controller: `@Res({ passthrough: true }) res` → `res.set(d.headers); return d.file;`.
   */
  async download(doc: DocumentView): Promise<{ file: StreamableFile; headers: Record<string, string> }> {
    const stream = await this.openContent(doc);
    return { file: new StreamableFile(stream), headers: downloadHeaders(doc) };
  }

  /**
   * Deletes stored files that no document references and that are older than `olderThanMs`, and abandoned temp
   * files. Holds the sweep lock, so no upload can attach a file while the sweeper decides about it.
   */
  async sweepOrphans(olderThanMs = ORPHAN_GRACE_MS): Promise<SweepResult> {
    const result = await this.dataSource.transaction(async (em) => {
      await this.repo.lockForSweep(em);
      return this.store.sweep((sha) => this.repo.isReferenced(em, sha), olderThanMs);
    });
    if (result.deleted || result.tempDeleted) {
      this.logger.log(`Swept ${result.deleted} unreferenced file(s) and ${result.tempDeleted} temp file(s)`);
    }
    return result;
  }
}

/** Headers of a document download. */
export function downloadHeaders(
  doc: Pick<DocumentView, 'contentType' | 'fileName' | 'size' | 'sha256'>,
): Record<string, string> {
  return {
    'Content-Type': doc.contentType,
    'Content-Length': String(doc.size),
    'Content-Disposition': attachmentDisposition(doc.fileName),
    'X-Content-Type-Options': 'nosniff',
    ETag: `"${doc.sha256}"`,
    'Cache-Control': 'private, no-cache',
  };
}
