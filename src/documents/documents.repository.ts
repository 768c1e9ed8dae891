import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DocumentContentType } from './sniff';

export interface DocumentOwner {
  /** 'application' (dossier documents); later 'inspection'. */
  type: string;
  id: string;
}

export interface DocumentRow {
  id: string;
  ownerType: string;
  ownerId: string;
  kind: string;
  fileName: string;
  contentType: DocumentContentType;
  size: number;
  sha256: string;
  supersededBy: string | null;
  uploadedBy: string | null;
  createdAt: Date;
}

interface RawRow {
  id: string;
  owner_type: string;
  owner_id: string;
  kind: string;
  file_name: string;
  content_type: DocumentContentType;
  size: string | number;
  sha256: string;
  superseded_by: string | null;
  uploaded_by: string | null;
  created_at: Date;
}

const COLUMNS = `id, owner_type, owner_id, kind, file_name, content_type, size, sha256, superseded_by, uploaded_by, created_at`;

function toRow(r: RawRow): DocumentRow {
  return {
    id: r.id,
    ownerType: r.owner_type,
    ownerId: r.owner_id,
    kind: r.kind,
    fileName: r.file_name,
    contentType: r.content_type,
    size: Number(r.size),
    sha256: r.sha256,
    supersededBy: r.superseded_by,
    uploadedBy: r.uploaded_by,
    createdAt: r.created_at,
  };
}

/** Advisory lock (two-key form) that the sweeper takes exclusively and every attach takes shared. */
const SWEEP_LOCK: [number, number] = [0x646f63, 1];

/** The only code that reads or writes `documents`. Inside a transaction, pass its EntityManager. */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private q(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  /** Serializes uploads of one owner and kind until the transaction ends (one current document each). */
  async lockKind(em: EntityManager, owner: DocumentOwner, kind: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `documents:${owner.type}:${owner.id}:${kind}`,
    ]);
  }

  /** Keeps the sweeper out until the transaction ends (so the file just checked stays). */
  async lockAgainstSweep(em: EntityManager): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock_shared($1, $2)`, SWEEP_LOCK);
  }

  /** Waits for every running attach to end and keeps new ones out until the transaction ends. */
  async lockForSweep(em: EntityManager): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock($1, $2)`, SWEEP_LOCK);
  }

  async current(em: EntityManager, owner: DocumentOwner, kind: string): Promise<DocumentRow | null> {
    const rows: RawRow[] = await em.query(
      `SELECT ${COLUMNS} FROM documents
       WHERE owner_type = $1 AND owner_id = $2 AND kind = $3 AND superseded_by IS NULL`,
      [owner.type, owner.id, kind],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** Deletes every version of the owner's documents of a kind (a draft's earlier uploads). */
  async deleteKind(em: EntityManager, owner: DocumentOwner, kind: string): Promise<void> {
    await em.query(`DELETE FROM documents WHERE owner_type = $1 AND owner_id = $2 AND kind = $3`, [
      owner.type,
      owner.id,
      kind,
    ]);
  }

  async markSuperseded(em: EntityManager, id: string, by: string): Promise<void> {
    await em.query(`UPDATE documents SET superseded_by = $2 WHERE id = $1 AND superseded_by IS NULL`, [id, by]);
  }

  async insert(em: EntityManager, doc: Omit<DocumentRow, 'createdAt' | 'supersededBy'>): Promise<DocumentRow> {
    const rows: RawRow[] = await em.query(
      `INSERT INTO documents (id, owner_type, owner_id, kind, file_name, content_type, size, sha256, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
      [
        doc.id,
        doc.ownerType,
        doc.ownerId,
        doc.kind,
        doc.fileName,
        doc.contentType,
        doc.size,
        doc.sha256,
        doc.uploadedBy,
      ],
    );
    return toRow(rows[0]);
  }

  async list(owner: DocumentOwner, includeSuperseded: boolean, em?: EntityManager): Promise<DocumentRow[]> {
    const rows: RawRow[] = await this.q(em).query(
      `SELECT ${COLUMNS} FROM documents
       WHERE owner_type = $1 AND owner_id = $2 ${includeSuperseded ? '' : 'AND superseded_by IS NULL'}
       ORDER BY created_at, id`,
      [owner.type, owner.id],
    );
    return rows.map(toRow);
  }

  async currentKinds(em: EntityManager, owner: DocumentOwner): Promise<string[]> {
    const rows: { kind: string }[] = await em.query(
      `SELECT kind FROM documents WHERE owner_type = $1 AND owner_id = $2 AND superseded_by IS NULL ORDER BY kind`,
      [owner.type, owner.id],
    );
    return rows.map((r) => r.kind);
  }

  async find(owner: DocumentOwner, id: string, em?: EntityManager): Promise<DocumentRow | null> {
    const rows: RawRow[] = await this.q(em).query(
      `SELECT ${COLUMNS} FROM documents WHERE owner_type = $1 AND owner_id = $2 AND id = $3`,
      [owner.type, owner.id, id],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async isReferenced(em: EntityManager, sha256: string): Promise<boolean> {
    const rows: unknown[] = await em.query(`SELECT 1 FROM documents WHERE sha256 = $1 LIMIT 1`, [sha256]);
    return rows.length > 0;
  }
}
