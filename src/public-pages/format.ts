import { parseIsoDate } from '../pdf/vietnamese-format';

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `2026-03-05` → `05/03/2026`: the way dates are written in Vietnam (dd/mm/yyyy). */
export function formatDate(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  return `${two(day)}/${two(month)}/${year}`;
}

/**
 * An instant as a reader in `timeZone` reads it: `14:05 ngày 01/04/2026`. Built from the numeric parts Intl gives,
 * so that the output does not depend on the runtime's locale data for Vietnamese.
 */
export function formatInstant(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('hour')}:${get('minute')} ngày ${get('day')}/${get('month')}/${get('year')}`;
}
