/** A small ICU MessageFormat subset: `{name}` and `{n, plural, one {# day} other {# days}}`. */
export type Vars = Record<string, string | number>;

export function formatMessage(template: string, vars: Vars = {}, locale = 'vi'): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, open);
    const close = matching(template, open);
    const body = template.slice(open + 1, close);
    const m = /^\s*(\w+)\s*,\s*plural\s*,(.*)$/s.exec(body);
    if (m) {
      const n = Number(vars[m[1]] ?? 0);
      const options = pluralOptions(m[2]);
      const rule = new Intl.PluralRules(locale).select(n);
      const chosen = options[`=${n}`] ?? options[rule] ?? options.other ?? '';
      out += formatMessage(chosen, vars, locale).replaceAll('#', new Intl.NumberFormat(locale).format(n));
    } else {
      const v = vars[body.trim()];
      out += v === undefined ? `{${body}}` : String(v);
    }
    i = close + 1;
  }
  return out;
}

function matching(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`Unbalanced braces in message: ${s}`);
}

function pluralOptions(s: string): Record<string, string> {
  const options: Record<string, string> = {};
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf('{', i);
    if (open < 0) break;
    const key = s.slice(i, open).trim();
    const close = matching(s, open);
    options[key] = s.slice(open + 1, close);
    i = close + 1;
  }
  return options;
}

const TZ = 'Asia/Ho_Chi_Minh';

/** dd/mm/yyyy (both languages: the authority's documents use it), in Hà Nội time for instants. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  return new Intl.DateTimeFormat('vi-VN', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(value),
  );
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  const date = formatDate(value);
  const time = new Intl.DateTimeFormat('vi-VN', { timeZone: TZ, hour: '2-digit', minute: '2-digit' }).format(d);
  return `${time} ${date}`;
}

export function formatVnd(amount: number): string {
  return new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(
    amount,
  );
}
