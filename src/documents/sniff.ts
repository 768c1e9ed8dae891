/** The only file types a dossier accepts (contract: "PDF, PNG, JPEG only, judged by content, not by name"). */
export const DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

/** How many leading bytes the sniffer needs. */
export const SNIFF_BYTES = 8;

const SIGNATURES: { type: DocumentContentType; magic: number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // "%PDF-"
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

/**
 * The type of a file judged by its first bytes (magic numbers), whatever its name or declared type says;
 * `null` for anything that is not a PDF, PNG or JPEG.
 */
export function sniffContentType(head: Uint8Array): DocumentContentType | null {
  for (const { type, magic } of SIGNATURES) {
    if (head.length >= magic.length && magic.every((byte, i) => head[i] === byte)) return type;
  }
  return null;
}
