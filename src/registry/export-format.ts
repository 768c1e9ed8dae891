import type { ExportFormat } from './dto/open-data.dto';
import { CSV_HEADER, csvRecord, PublicLicense } from './public-license';

export interface ExportWriter {
  contentType: string;
  extension: string;
  start(): string;
  row(p: PublicLicense, first: boolean): string;
  end(): string;
}

/**
 * CSV starts with a UTF-8 byte order mark: without it Excel reads the file in the machine's legacy code page and
 * the Vietnamese diacritics come out garbled; RFC 4180 parsers and LibreOffice skip it (docs/open-data.md).
 */
const BOM = '\uFEFF';

export function exportWriter(format: ExportFormat): ExportWriter {
  switch (format) {
    case 'csv':
      return {
        contentType: 'text/csv; charset=utf-8; header=present',
        extension: 'csv',
        start: () => BOM + CSV_HEADER,
        row: (p) => csvRecord(p),
        end: () => '',
      };
    case 'json':
      return {
        contentType: 'application/json; charset=utf-8',
        extension: 'json',
        start: () => '[',
        row: (p, first) => (first ? '\n' : ',\n') + JSON.stringify(p),
        end: () => '\n]\n',
      };
    case 'ndjson':
      return {
        contentType: 'application/x-ndjson; charset=utf-8',
        extension: 'ndjson',
        start: () => '',
        row: (p) => JSON.stringify(p) + '\n',
        end: () => '',
      };
  }
}

/**
 * RFC 9110 §13.1: If-None-Match wins over If-Modified-Since; entity tags compare weakly for GET; the date is
 * compared at one-second precision (HTTP dates have no more).
 */
export function isNotModified(
  h: { ifNoneMatch?: string; ifModifiedSince?: string },
  etag: string,
  lastModified: Date | null,
): boolean {
  if (h.ifNoneMatch !== undefined) {
    const tags = h.ifNoneMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(etag);
  }
  if (h.ifModifiedSince !== undefined && lastModified) {
    const since = Date.parse(h.ifModifiedSince);
    if (Number.isNaN(since)) return false;
    return Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}

/** The UTC calendar date of an instant (for the file name). */
export function isoDateOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}
