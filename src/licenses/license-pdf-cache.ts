import { Injectable } from '@nestjs/common';

/** Rendered license PDFs kept at most, in bytes (a license is ≈ 50–60 KB). */
const MAX_BYTES = 16 * 1024 * 1024;

/**
 * Recently rendered license PDFs, keyed by their SHA-256. Rendering is deterministic, so the bytes whose digest a
 * version records are the bytes a new render would give: the issuer leaves what it rendered here and the download
 * that usually follows is served without rendering again (about 50 ms of CPU). Least recently used entries go first;
 * an entry for a rolled-back issuance is simply never asked for.
 */
@Injectable()
export class LicensePdfCache {
  private readonly entries = new Map<string, Buffer>();
  private size = 0;

  get(sha256: string): Buffer | undefined {
    const bytes = this.entries.get(sha256);
    if (bytes) {
      this.entries.delete(sha256);
      this.entries.set(sha256, bytes);
    }
    return bytes;
  }

  put(sha256: string, bytes: Buffer): void {
    if (bytes.length > MAX_BYTES || this.entries.has(sha256)) return;
    this.entries.set(sha256, bytes);
    this.size += bytes.length;
    for (const [key, value] of this.entries) {
      if (this.size <= MAX_BYTES) break;
      this.entries.delete(key);
      this.size -= value.length;
    }
  }
}
