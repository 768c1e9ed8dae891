import { DomainError } from '../common/domain-error';

/**
 * A position in the change feed: the writing transaction's id (xid8) and the row's sequence number. Ordered by
 * (txid, seq); opaque to clients (base64url of `v1.<txid>.<seq>`), so its form may change with a new version tag.
 */
export interface FeedPosition {
  txid: string;
  seq: string;
}

const FORM = /^v1\.(\d{1,20})\.(\d{1,19})$/;

export function encodeCursor(p: FeedPosition): string {
  return Buffer.from(`v1.${p.txid}.${p.seq}`, 'utf8').toString('base64url');
}

/** The empty cursor is the start of the feed (null); anything that is not a cursor we issued is a 400. */
export function decodeCursor(raw: string | undefined): FeedPosition | null {
  if (raw === undefined || raw === '') return null;
  const invalid = () =>
    DomainError.validation('since is not a cursor of this feed', [
      { field: 'since', message: 'must be empty or a `next` value returned by this endpoint' },
    ]);
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(raw)) throw invalid();
  const m = FORM.exec(Buffer.from(raw, 'base64url').toString('utf8'));
  if (!m) throw invalid();
  // xid8 and bigint are unsigned/signed 64-bit: refuse what PostgreSQL would refuse with a 500.
  if (BigInt(m[1]) > 18446744073709551615n || BigInt(m[2]) > 9223372036854775807n) throw invalid();
  return { txid: m[1], seq: m[2] };
}
