/** Formatting of the benchmark report (docs/benchmarks.md): figures beside their ceilings, ratios, targets. */

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  os: string;
  date: string;
}

export type Verdict = 'met' | 'missed' | 'n/a';

export interface FigureRow {
  figure: string;
  measured: string;
  ceiling: string;
  ratio: string;
  target: string;
  verdict: Verdict;
  /** For a miss: the measured reason; otherwise how it was measured. */
  note: string;
}

export function fmt(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return '–';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function pct(ratio: number): string {
  return Number.isFinite(ratio) ? `${fmt(ratio * 100, 0)} %` : '–';
}

export function times(ratio: number): string {
  return Number.isFinite(ratio) ? `${fmt(ratio, 2)} ×` : '–';
}

export function mb(kib: number): string {
  return `${fmt(kib / 1024, 0)} MB`;
}

export function verdict(ok: boolean): Verdict {
  return ok ? 'met' : 'missed';
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function table(headers: string[], rows: string[][]): string {
  const lines = [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| ${r.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

export function figuresTable(rows: FigureRow[]): string {
  return table(
    ['figure', 'measured', 'ceiling (same run)', 'ratio', 'target', 'result', 'notes'],
    rows.map((r) => [
      r.figure,
      r.measured,
      r.ceiling,
      r.ratio,
      r.target,
      r.verdict === 'met' ? '**met**' : r.verdict === 'missed' ? '**missed**' : '–',
      r.note,
    ]),
  );
}

export function machineTable(m: Machine): string {
  return table(
    ['', ''],
    [
      ['date', m.date],
      ['CPU', `${m.cpuModel}, ${m.cpus} logical CPUs (nproc)`],
      ['memory', `${fmt(m.memoryGiB, 1)} GiB`],
      ['OS', m.os],
      ['Node.js', m.node],
      ['PostgreSQL', m.postgres],
    ],
  );
}

/** The same rows as plain text for the console. */
export function consoleTable(rows: FigureRow[]): string {
  const cols: (keyof FigureRow)[] = ['figure', 'measured', 'ceiling', 'ratio', 'target', 'verdict'];
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i])).join('  ');
  return [line(cols), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(cols.map((c) => r[c])))].join(
    '\n',
  );
}
