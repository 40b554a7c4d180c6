/** Calendar dates as ISO strings (`2026-09-30`), in the customer's time zone. */

const TIME_ZONE = process.env.LUOSHI_TIME_ZONE || 'Asia/Shanghai';
const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day last formatted, and when (epoch ms). */
let known = { day: '', at: -Infinity };

/**
 * Today in China Standard Time (Tibet keeps Beijing time). Asked once per computed field of
 * every row of a page: the day is formatted again once a second has passed (or the clock went
 * back), so a new day is seen within a second of midnight.
 */
export function today(): string {
  const now = Date.now();
  const age = now - known.at;
  if (age >= 0 && age < 1000) return known.day;
  known = { day: formatter.format(new Date(now)), at: now };
  return known.day;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A reporting or assessment period: `2026`, `2026-Q3` or `2026-09`. */
export interface Period {
  label: string;
  from: string;
  to: string;
}

export function parsePeriod(label: string): Period | null {
  if (!/^[1-9]/.test(label)) return null; // years 1000–9999
  let m = /^(\d{4})$/.exec(label);
  if (m) return { label, from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (m) {
    const q = Number(m[2]);
    const from = `${m[1]}-${String(q * 3 - 2).padStart(2, '0')}-01`;
    return { label, from, to: monthEnd(`${m[1]}-${String(q * 3).padStart(2, '0')}`) };
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label);
  if (m) return { label, from: `${label}-01`, to: monthEnd(label) };
  return null;
}

export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
