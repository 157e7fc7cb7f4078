import type { ExtractedFigure } from '../../model/index.js';
import { dayOf } from './dates.js';
import type { Dossier } from './dossier.js';
import { countingRules } from './rules.js';
import { figuresFor, Tally } from './tally.js';
import type { Channel, StatusClass } from './vocabulary.js';
import { planWindows, type OnestopSettings } from './windows.js';

export interface RecountOptions extends OnestopSettings {
  /** Recorded in each figure's details.file. */
  readonly source?: string;
}

/** A dossier as the `dossiers` table holds it: the fields the counting rules need, nothing personal. */
export interface StoredDossier {
  readonly code: string;
  readonly source_line: number | null;
  readonly unit_name: string | null;
  readonly status_class: StatusClass;
  readonly channel: Channel | null;
  readonly received_date: string;
  readonly promised_date: string | null;
  readonly finished_date: string | null;
  readonly paid_online: number | null;
}

/**
 * Counts the indicators again from stored dossiers, for a window known only after the export was
 * loaded: typically the window a report states ("từ ngày 01/12/2023 … đến ngày 20/11/2024"), read
 * when the report arrives. Same rules and tally as the extractor, over rows the caller streams (the
 * pipeline reads them from the warehouse, warehouse/records.ts `storedDossiers`). The table holds each
 * dossier once whichever export brought it, so overlapping exports count once. Pure: reads nothing itself.
 */
export function recountDossiers(dossiers: Iterable<StoredDossier>, options: RecountOptions): ExtractedFigure[] {
  const rules = countingRules();
  const tally = new Tally(planWindows(options), rules);
  let payments = false;
  for (const r of dossiers) {
    const treatment = rules.status_classes[r.status_class] ?? 'in_progress';
    const finishes = treatment === 'by_dates' || treatment === 'on_time';
    if (r.paid_online !== null) payments = true;
    const d: Dossier = {
      line: r.source_line ?? 0,
      code: r.code,
      unit: r.unit_name ?? '',
      statusClass: r.status_class,
      treatment,
      channel: r.channel ?? undefined,
      received: dayOf(r.received_date),
      promised: r.promised_date ? dayOf(r.promised_date) : undefined,
      finished: finishes && r.finished_date ? dayOf(r.finished_date) : undefined,
      paidOnline: r.paid_online === null ? undefined : r.paid_online === 1,
      hasPayment: false,
    };
    // A finished status without a finish date never reaches the table (the extractor rejects the row).
    tally.add(d);
  }
  // Which dossiers had fees is not stored, only who paid online: no payment denominator here.
  const payment = payments ? 'paid_only' : 'none';
  return tally.results().flatMap((r) => figuresFor(r.unit, r.window, r.counts, { rules, file: options.source ?? 'dossiers table', payment, dataStart: tally.dataStart }));
}
