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
