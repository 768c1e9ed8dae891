/** The open-data section of docs/benchmarks.md: written by bench/open-data.ts, kept by bench/run.ts. */
export const SECTION_START = '<!-- open-data:start -->';
export const SECTION_END = '<!-- open-data:end -->';

export interface ExportFigureRow {
  rows: number;
  format: string;
  bytes: number;
  seconds: number;
  rssBeforeKb: number;
  peakKb: number;
}

const mb = (kb: number) => (kb / 1024).toFixed(0);

/** "4–7 MB at 10,000 licenses, 5–11 MB at 100,000": whether the peak follows the number of rows. */
function growth(figures: ExportFigureRow[]): string {
  const sizes = [...new Set(figures.map((f) => f.rows))];
  return sizes
    .map((rows) => {
      const d = figures.filter((f) => f.rows === rows).map((f) => Math.round((f.peakKb - f.rssBeforeKb) / 1024));
      return `${Math.min(...d)}–${Math.max(...d)} MB at ${rows.toLocaleString('en')} licenses`;
    })
    .join(', ');
}

export function registryExportSection(figures: ExportFigureRow[], when: Date): string {
  const lines = [
    SECTION_START,
    '## Open data: the registry export (`npm run bench:open-data`)',
    '',
    `Measured ${when.toISOString().replace('T', ' ').slice(0, 16)} UTC on the shared machine (2 cores, loaded: ` +
      'times are indicative). The built server on PostgreSQL with the recommended heap cap; licenses seeded in SQL; ' +
      'each download read as it arrives. RSS before the download and the server’s peak RSS during it (VmHWM, ' +
      'reset before each download).',
    '',
    '| licenses | format | size (MB) | time (s) | rows/s | RSS before (MB) | peak RSS (MB) | peak − before (MB) |',
    '|---:|---|---:|---:|---:|---:|---:|---:|',
    ...figures.map(
      (f) =>
        `| ${f.rows.toLocaleString('en')} | ${f.format} | ${(f.bytes / 1024 / 1024).toFixed(1)} | ` +
        `${f.seconds.toFixed(1)} | ${Math.round(f.rows / f.seconds).toLocaleString('en')} | ${mb(f.rssBeforeKb)} | ` +
        `${mb(f.peakKb)} | ${mb(f.peakKb - f.rssBeforeKb)} |`,
    ),
    '',
    'The export reads a server-side cursor 500 rows at a time and waits for the socket to drain before the next ' +
      `batch. Growth of the peak over the RSS before: ${growth(figures)}.`,
    SECTION_END,
  ];
  return lines.join('\n');
}

/** Replaces the section in `md` (or appends it). */
export function replaceSection(md: string, section: string): string {
  const a = md.indexOf(SECTION_START);
  const b = md.indexOf(SECTION_END);
  if (a >= 0 && b > a) return md.slice(0, a) + section + md.slice(b + SECTION_END.length);
  return md.replace(/\s*$/, '\n\n') + section + '\n';
}

/** The section as it stands in `md`, or '' (so that a full `npm run bench` keeps it). */
export function existingSection(md: string): string {
  const a = md.indexOf(SECTION_START);
  const b = md.indexOf(SECTION_END);
  return a >= 0 && b > a ? md.slice(a, b + SECTION_END.length) : '';
}
