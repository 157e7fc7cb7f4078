import { createHmac } from 'node:crypto';
import { foldAscii } from '../../text/fold.js';

/** Environment variable holding the key for linking one person's dossiers without storing who they are. */
export const PII_KEY_ENV = 'CCHC_PII_KEY';

/**
 * A keyed hash (HMAC-SHA256, hex) identifying the applicant: the ID number when the export has one,
 * else the folded name with the phone digits. No key in the environment means no hash at all: a
 * plain hash of a name or a 12-digit ID number is reversible by trying them all.
 */
export function applicantHash(key: string | undefined, person: { applicant?: string; phone?: string; idNumber?: string }): string | null {
  if (!key) return null;
  const id = person.idNumber?.replace(/\D/g, '');
  const basis = id ? `id:${id}` : person.applicant ? `name:${foldAscii(person.applicant)}|${(person.phone ?? '').replace(/\D/g, '')}` : '';
  if (!basis) return null;
  return createHmac('sha256', key).update(basis).digest('hex');
}

/** Shortest personal cell looked for in messages: shorter ones ("1", "x") would blank ordinary words. */
const MIN_REDACTED_CHARS = 3;

/**
 * A row-problem message with every personal cell of the row taken out. Messages quote the cell they
 * could not read (a status, a date); when an export puts a person's name or phone where a status
 * or date belongs, that quote would carry it into ingest_errors and logs.
 */
export function redactPersonal(message: string, personalCells: readonly string[]): string {
  let out = message;
  for (const cell of personalCells) {
    const v = cell.trim();
    if (v.length >= MIN_REDACTED_CHARS && out.includes(v)) out = out.split(v).join('[personal data]');
  }
  return out;
}
