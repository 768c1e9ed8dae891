/** Average (one decimal) and worst of a list of processing times in working days; null figures when empty. */
export function summarizeDurations(days: number[]): { count: number; average: number | null; worst: number | null } {
  if (days.length === 0) return { count: 0, average: null, worst: null };
  const sum = days.reduce((a, b) => a + b, 0);
  return { count: days.length, average: Math.round((sum / days.length) * 10) / 10, worst: Math.max(...days) };
}

/** Rows of (key, count) into an object with every known key present (0 when absent). */
export function countsBy<K extends string>(keys: readonly K[], rows: { key: string; n: number }[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const r of rows) if ((keys as readonly string[]).includes(r.key)) out[r.key as K] = Number(r.n);
  return out;
}
