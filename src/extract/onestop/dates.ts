/**
 * Dates of one-stop exports: `dd/MM/yyyy`, `dd/MM/yyyy HH:mm[:ss]`, ISO 8601 (with or without an
 * offset), Excel serial numbers, and the Date objects exceljs returns. Everything is brought to the
 * wall clock of Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving since 1975), and counted as
 * whole calendar days: a day number is days since 1970-01-01.
 */
export interface ParsedDate {
  /** Days since 1970-01-01 of the local calendar date. */
  readonly day: number;
  /** Seconds since local midnight, when a time was given. */
  readonly seconds?: number;
}

const VN_OFFSET_MINUTES = 7 * 60;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;
const SERIAL = /^\d{5}(?:\.\d+)?$/;
// Excel serials between 1954 and 2119: wider than any dossier, narrow enough not to take a count for a date.
const SERIAL_MIN = 20000;
const SERIAL_MAX = 80000;
// Excel's day 0 is 1899-12-30 (after its 1900 leap-year bug).
const EXCEL_EPOCH_DAY = -25569;

/** Parses a date cell; `undefined` for a blank, `null` for something that is not a date. */
export function parseDate(value: unknown): ParsedDate | undefined | null {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return fromDateObject(value);
  if (typeof value === 'number') return fromSerial(value);
  const s = (typeof value === 'string' ? value : String(value)).trim();
  if (s === '') return undefined;
  const fast = fastDmy(s);
  if (fast !== undefined) return fast;
  let m = DMY.exec(s);
  if (m) return build(Number(m[3]), Number(m[2]), Number(m[1]), m[4], m[5], m[6]);
  m = ISO.exec(s);
  if (m) {
    const local = build(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6]);
    if (!local || !m[7]) return local;
    return shiftToVietnam(local, offsetMinutes(m[7]));
  }
  if (SERIAL.test(s)) return fromSerial(Number(s));
  return null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Day number of a calendar date, or null for 31/02 and the like. */
function dayNumber(y: number, mo: number, d: number): number | null {
  if (mo < 1 || mo > 12 || d < 1 || y < 1900 || y > 2200) return null;
  const leap = mo === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0);
  if (d > DAYS_IN_MONTH[mo - 1]! + (leap ? 1 : 0)) return null;
  return daysFromCivil(y, mo, d);
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, by arithmetic (H. Hinnant's days_from_civil):
 * the same number as Date.UTC(y, mo - 1, d) / 86400000, without building a date three times a row.
 */
function daysFromCivil(y: number, mo: number, d: number): number {
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((mo + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const two = (s: string, i: number) => {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
};

/**
 * `dd/MM/yyyy[ HH:mm[:ss]]` read by character codes: the shape of nearly every date in an export, a
 * million times over, where the general regular expression costs more than the rest of the row.
 * Returns undefined for any other shape (the general path decides).
 */
function fastDmy(s: string): ParsedDate | null | undefined {
  const n = s.length;
  if ((n !== 10 && n !== 16 && n !== 19) || s.charCodeAt(2) !== 47 || s.charCodeAt(5) !== 47) return undefined;
  const d = two(s, 0);
  const mo = two(s, 3);
  const y = two(s, 6) * 100 + two(s, 8);
  if (d < 0 || mo < 0 || two(s, 6) < 0 || two(s, 8) < 0) return undefined;
  const day = dayNumber(y, mo, d);
  if (day === null) return null;
  if (n === 10) return { day };
  if (s.charCodeAt(10) !== 32 || s.charCodeAt(13) !== 58 || (n === 19 && s.charCodeAt(16) !== 58)) return undefined;
  const hh = two(s, 11);
  const mm = two(s, 14);
  const ss = n === 19 ? two(s, 17) : 0;
  if (hh < 0 || mm < 0 || ss < 0) return undefined;
  if (hh > 23 || mm > 59 || ss > 59) return null;
  return { day, seconds: hh * 3600 + mm * 60 + ss };
}

function build(y: number, mo: number, d: number, h?: string, mi?: string, se?: string): ParsedDate | null {
  if (d > 31) return null;
  const day = dayNumber(y, mo, d);
  if (day === null) return null; // 31/02, 29/02 of a common year
  if (h === undefined) return { day };
  const hh = Number(h);
  const mm = Number(mi);
  const ss = se === undefined ? 0 : Number(se);
  if (hh > 23 || mm > 59 || ss > 59) return null;
  return { day, seconds: hh * 3600 + mm * 60 + ss };
}

function offsetMinutes(z: string): number {
  if (z === 'Z') return 0;
  const sign = z[0] === '-' ? -1 : 1;
  const digits = z.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** A wall-clock time at `offset` minutes from UTC, seen from Vietnam. */
function shiftToVietnam(local: ParsedDate, offset: number): ParsedDate {
  const total = local.day * 86_400 + (local.seconds ?? 0) + (VN_OFFSET_MINUTES - offset) * 60;
  const day = Math.floor(total / 86_400);
  return { day, seconds: total - day * 86_400 };
}

function fromSerial(n: number): ParsedDate | null {
  if (!Number.isFinite(n) || n < SERIAL_MIN || n > SERIAL_MAX) return null;
  const day = Math.floor(n) + EXCEL_EPOCH_DAY;
  const frac = n - Math.floor(n);
  return frac > 0 ? { day, seconds: Math.round(frac * 86_400) } : { day };
}

/** exceljs builds dates so that their UTC fields show the cell's wall clock: read them as such. */
function fromDateObject(d: Date): ParsedDate | null {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return null;
  const day = Math.floor(ms / 86_400_000);
  const seconds = Math.round((ms - day * 86_400_000) / 1000);
  return seconds ? { day, seconds } : { day };
}

const isoDays = new Map<number, string>();
/** yyyy-mm-dd of a day number (remembered: an export spans a few thousand days, a million times over). */
export function isoDay(day: number): string {
  let s = isoDays.get(day);
  if (s === undefined) {
    s = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (isoDays.size < 100_000) isoDays.set(day, s);
  }
  return s;
}

/** Day number of yyyy-mm-dd. */
export function dayOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

/** yyyy-mm-ddTHH:mm:ss of a parsed date (local time), or the day alone. */
export function isoDateTime(d: ParsedDate): string {
  if (d.seconds === undefined) return isoDay(d.day);
  const s = d.seconds;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${isoDay(d.day)}T${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}
