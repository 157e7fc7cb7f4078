import type { DossierField } from './columns.js';
import { isoDay, parseDate, type ParsedDate } from './dates.js';
import { applicantHash } from './personal.js';
import { cellText } from './raw-row.js';
import { resolution, workingDays, type CountingRules, type Treatment } from './rules.js';
import type { Channel, OnlineLevel, StatusClass, Vocabulary } from './vocabulary.js';

/** Longest cell kept: a longer one is not a dossier field (a pasted document, garbage). */
export const MAX_FIELD_CHARS = 32 * 1024;

/** A dossier as the counting rules see it: day numbers and meanings, nothing personal. */
export interface Dossier {
  readonly line: number;
  readonly code: string;
  readonly unit: string;
  readonly statusClass: StatusClass;
  readonly treatment: Treatment;
  readonly channel: Channel | undefined;
  readonly received: number;
  readonly promised: number | undefined;
  /** Only for dossiers the rules treat as finished. */
  readonly finished: number | undefined;
  readonly paidOnline: boolean | undefined;
  /** The export says whether the dossier carried fees (a payment method or state was given). */
  readonly hasPayment: boolean;
}

/** Why a row was not counted, or what in it is doubtful; `fatal` rows are left out of the figures. */
export interface RowProblem {
  readonly kind: 'missing_code' | 'bad_date' | 'date_order' | 'unknown_status' | 'unknown_channel' | 'unknown_value' | 'oversized_field' | 'missing_finish';
  readonly message: string;
  readonly fatal: boolean;
}

export type DossierRecord = Record<string, string | number | null>;

export interface ParsedRow {
  readonly dossier?: Dossier;
  /** The row for the `dossiers` table (no personal field in clear). */
  readonly record?: DossierRecord;
  readonly problems: RowProblem[];
}

export interface RowContext {
  readonly columns: Partial<Record<DossierField, number>>;
  readonly labels: readonly string[];
  readonly vocabulary: Vocabulary;
  readonly rules: CountingRules;
  readonly piiKey: string | undefined;
}

/** A cell as given (string, number, Date, null), or undefined when the export has no such column. */
function rawCell(cells: readonly unknown[], i: number | undefined): unknown {
  return i === undefined ? undefined : cells[i];
}

/** A cell's text, trimmed, in NFC. */
function cellString(cells: readonly unknown[], i: number | undefined): string {
  const v = rawCell(cells, i);
  if (v === undefined || v === null) return '';
  const s = (typeof v === 'string' ? v : cellText(v)).trim();
  // Windows-1258 decodes to combining tone marks; only touch strings that have them.
  return hasCombiningMark(s) ? s.normalize('NFC') : s;
}

/** Whether a string holds a combining diacritic (U+0300–U+036F): a character test, run on every cell read. */
function hasCombiningMark(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x300 && c <= 0x36f) return true;
  }
  return false;
}

/** Turns one export row into a dossier, its warehouse record and its problems. */
export function parseRow(cells: readonly unknown[], line: number, ctx: RowContext): ParsedRow {
  const problems: RowProblem[] = [];
  const col = ctx.columns;
  const text = (f: DossierField): string => cellString(cells, col[f]);

  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c === 'string' && c.length > MAX_FIELD_CHARS) {
      problems.push({ kind: 'oversized_field', fatal: true, message: `column "${ctx.labels[i] ?? i + 1}" holds ${c.length} characters (limit ${MAX_FIELD_CHARS}): row not counted` });
    }
  }
  if (problems.length) return { problems };

  const code = text('code');
  if (!code) problems.push({ kind: 'missing_code', fatal: true, message: 'no dossier code: row not counted' });

  const statusText = text('status');
  const statusClass = ctx.vocabulary.status(statusText);
  if (!statusClass) problems.push({ kind: 'unknown_status', fatal: true, message: `unknown status "${statusText}": row not counted` });
  const treatment: Treatment = statusClass ? (ctx.rules.status_classes[statusClass] ?? 'in_progress') : 'excluded';

  const received = dateCell(cells, col.received_at, 'received date', problems);
  if (received === undefined && !problems.some((p) => p.kind === 'bad_date')) {
    problems.push({ kind: 'bad_date', fatal: true, message: 'no received date: row not counted' });
  }
  const promised = dateCell(cells, col.promised_at, 'promised date', problems);
  const finishedAt = dateCell(cells, col.finished_at, 'finish date', problems);

  const channelText = text('channel');
  const channel = ctx.vocabulary.channel(channelText);
  if (!channel) {
    problems.push({ kind: 'unknown_channel', fatal: false, message: `unknown channel "${channelText}": counted as received, not as online or direct` });
  }
  const levelText = text('online_level');
  const level: OnlineLevel | undefined = levelText ? ctx.vocabulary.onlineLevel(levelText) : undefined;
  if (levelText && !level) problems.push({ kind: 'unknown_value', fatal: false, message: `unknown online level "${levelText}"` });

  const payment = parsePayment(ctx, text, problems);

  const finishes = treatment === 'by_dates' || treatment === 'on_time';
  if (finishes && !finishedAt && !problems.some((p) => p.fatal)) {
    problems.push({ kind: 'missing_finish', fatal: true, message: `status "${statusText}" without a finish date: row not counted` });
  }
  if (problems.some((p) => p.fatal) || !received || !statusClass) return { problems };
  if (finishedAt && finishedAt.day < received.day) {
    problems.push({ kind: 'date_order', fatal: false, message: `finished ${isoDay(finishedAt.day)} before it was received ${isoDay(received.day)}: counted by its dates` });
  }

  const finished = finishes ? finishedAt?.day : undefined;
  const dossier: Dossier = {
    line,
    code,
    unit: text('unit'),
    statusClass,
    treatment,
    channel,
    received: received.day,
    promised: promised?.day,
    finished,
    paidOnline: payment.paidOnline,
    hasPayment: payment.hasPayment,
  };
  const outcome =
    treatment === 'excluded'
      ? 'excluded'
      : finished === undefined
        ? 'in_progress'
        : resolution(ctx.rules, treatment, finished, promised?.day);
  const record: DossierRecord = {
    code,
    procedure: text('procedure') || null,
    sector: text('sector') || null,
    unit_name: dossier.unit || null,
    channel: channel ?? null,
    online_level: level ?? null,
    status: statusText,
    status_class: statusClass,
    received_date: isoDay(received.day),
    promised_date: promised ? isoDay(promised.day) : null,
    finished_date: finishedAt ? isoDay(finishedAt.day) : null,
    working_days: finishedAt ? workingDays(ctx.rules, received.day, finishedAt.day) : null,
    outcome,
    paid_online: payment.paidOnline === undefined ? null : payment.paidOnline ? 1 : 0,
    // The personal cells are read only when there is a key to hash them with.
    applicant_hmac: ctx.piiKey ? applicantHash(ctx.piiKey, { applicant: text('applicant'), phone: text('phone'), idNumber: text('id_number') }) : null,
    source_line: line,
  };
  return { dossier, record, problems };
}

/** A date cell; a problem (and undefined) when it holds something that is not a date. */
function dateCell(cells: readonly unknown[], i: number | undefined, label: string, problems: RowProblem[]): ParsedDate | undefined {
  const v = rawCell(cells, i);
  const d = parseDate(v);
  if (d === null) {
    problems.push({ kind: 'bad_date', fatal: true, message: `unparseable ${label} "${cellText(v).slice(0, 40)}": row not counted` });
    return undefined;
  }
  return d;
}

function parsePayment(ctx: RowContext, text: (f: DossierField) => string, problems: RowProblem[]): { paidOnline: boolean | undefined; hasPayment: boolean } {
  const col = ctx.columns;
  if (col.paid_online !== undefined) {
    const v = text('paid_online');
    if (!v) return { paidOnline: false, hasPayment: false };
    const yn = ctx.vocabulary.yesNo(v);
    if (!yn) problems.push({ kind: 'unknown_value', fatal: false, message: `unknown online-payment value "${v}"` });
    return { paidOnline: yn === 'yes', hasPayment: yn === 'yes' };
  }
  if (col.payment_method === undefined && col.payment_state === undefined) return { paidOnline: undefined, hasPayment: false };
  const m = text('payment_method');
  const s = text('payment_state');
  const method = m ? ctx.vocabulary.paymentMethod(m) : undefined;
  const state = s ? ctx.vocabulary.paymentState(s) : undefined;
  if (m && !method) problems.push({ kind: 'unknown_value', fatal: false, message: `unknown payment method "${m}"` });
  if (s && !state) problems.push({ kind: 'unknown_value', fatal: false, message: `unknown payment state "${s}"` });
  // Paid online = paid, by the online method (reference/domain.md).
  return { paidOnline: method === 'online' && state === 'paid', hasPayment: (method !== undefined && method !== 'none') || state !== undefined };
}
