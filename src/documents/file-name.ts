/** Longest display name kept, in characters (code points). */
export const MAX_FILE_NAME_LENGTH = 200;
/** Name shown when nothing usable is left of the client's name. */
export const FALLBACK_FILE_NAME = 'tai-lieu';

// Control characters (C0, DEL, C1), bidi and other invisible format characters (e.g. U+202E, which can disguise
// "gpj.exe" as "exe.jpg"), and the separators U+2028/U+2029.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
// Characters that Windows refuses in file names; replaced so that a downloaded file saves everywhere.
const RESERVED = /[<>:"|?*]/g;

/**
 * The display name kept for an uploaded file: metadata only, never used to build a path. Keeps the last path
 * segment, normalizes to NFC (Vietnamese letters composed), drops control and invisible characters, replaces
 * characters Windows reserves, collapses white space, strips leading dots, and cuts to 200 characters while
 * keeping a short extension.
 */
export function sanitizeFileName(raw: string | undefined | null): string {
  let name = (raw ?? '').normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name.replace(INVISIBLE, '').replace(RESERVED, '_').replace(/\s+/gu, ' ').trim();
  name = name.replace(/^[.\s]+/u, '').trim();
  if (!name) return FALLBACK_FILE_NAME;
  const chars = Array.from(name);
  if (chars.length <= MAX_FILE_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (ext.length > 1 && ext.length <= 16) {
    const base = Array.from(name.slice(0, dot)).slice(0, MAX_FILE_NAME_LENGTH - ext.length);
    return (base.join('').trimEnd() + ext.join('')).normalize('NFC');
  }
  return chars.slice(0, MAX_FILE_NAME_LENGTH).join('').trimEnd();
}

/** Latin letters for Vietnamese ones (đ → d, ả → a): the ASCII fallback of a download's name. */
function asciiFallback(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return ascii.trim() || FALLBACK_FILE_NAME;
}

/** RFC 5987 `ext-value` encoding: UTF-8, percent-encoded except attr-char. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `Content-Disposition: attachment` for a download, with an ASCII `filename` for old clients and the exact name
 * in `filename*=UTF-8''…` (RFC 6266 / RFC 5987).
 */
export function attachmentDisposition(fileName: string): string {
  const name = sanitizeFileName(fileName);
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${rfc5987(name)}`;
}
