/**
 * Vietnamese formatting for official documents (Decree 30/2020/NĐ-CP on document format).
 *
 * Dates: "ngày 05 tháng 3 năm 2026" — the day always on two digits, the month on two digits only for
 * January and February ("ngày 05 tháng 02 năm 2026", "ngày 15 tháng 10 năm 2026").
 * Money: VND with dots as thousands separators ("20.000.000 đồng").
 * Pure functions: no locale data from the runtime, no current date.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Parses a plain calendar date `YYYY-MM-DD` and rejects impossible dates (2026-02-30). */
export function parseIsoDate(isoDate: string): CalendarDate {
  const match = ISO_DATE.exec(typeof isoDate === 'string' ? isoDate.trim() : '');
  if (!match) {
    throw new RangeError(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(isoDate)}`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day
  ) {
    throw new RangeError(`Not a calendar date: ${isoDate}`);
  }
  return { year, month, day };
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `2026-03-05` → `ngày 05 tháng 3 năm 2026`; `2026-02-05` → `ngày 05 tháng 02 năm 2026`. */
export function formatVietnameseDate(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  const monthText = month <= 2 ? twoDigits(month) : String(month);
  return `ngày ${twoDigits(day)} tháng ${monthText} năm ${year}`;
}

/** `('Nghệ An', '2026-03-05')` → `Nghệ An, ngày 05 tháng 3 năm 2026`. */
export function placeAndDate(place: string, isoDate: string): string {
  const name = place.trim();
  if (!name) {
    throw new RangeError('The place name must not be empty');
  }
  return `${name}, ${formatVietnameseDate(isoDate)}`;
}

/** `2026-03-05` → `05/3/2026` (short form for tables and captions; same padding rule as the long form). */
export function formatShortDate(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  return `${twoDigits(day)}/${month <= 2 ? twoDigits(month) : month}/${year}`;
}

/**
 * The instant a document dated `isoDate` is considered made: 00:00 in Vietnam (UTC+7) that day.
 * Used for the PDF CreationDate/ModDate so that the same data always gives the same bytes.
 */
export function vietnamMidnight(isoDate: string): Date {
  const { year, month, day } = parseIsoDate(isoDate);
  return new Date(Date.UTC(year, month - 1, day) - 7 * 60 * 60 * 1000);
}

/** Groups the digits of an integer with dots: 20000000 → `20.000.000`, -1500 → `-1.500`. */
export function formatIntegerVi(value: number | bigint): string {
  let digits: string;
  if (typeof value === 'bigint') {
    digits = value.toString();
  } else {
    if (!Number.isSafeInteger(value)) {
      throw new RangeError(`Expected a whole number of đồng, got ${value}`);
    }
    digits = String(value);
  }
  const negative = digits.startsWith('-');
  const abs = negative ? digits.slice(1) : digits;
  const grouped = abs.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return negative ? `-${grouped}` : grouped;
}

/** 20000000 → `20.000.000 đồng`. The đồng has no minor unit: fractions are refused. */
export function formatVnd(amount: number | bigint): string {
  return `${formatIntegerVi(amount)} đồng`;
}

/** Upper case as used for authority names and titles (`Sở Văn hóa` → `SỞ VĂN HÓA`), in NFC. */
export function upperVi(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi-VN');
}

/** '14:05:09 ngày 03/12/2026': an instant in Vietnam time (UTC+7, no daylight saving), as printed on signatures. */
export function formatVietnamInstant(instant: Date): string {
  const t = new Date(instant.getTime() + 7 * 60 * 60 * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())} ngày ` +
    `${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`
  );
}
