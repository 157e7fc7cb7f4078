import type { CommuneClues } from '../../model/index.js';
import { clean } from '../../text/fold.js';

const COMMUNE = /(?:^|[\s,;–(-])(xã|phường|thị trấn)\s+(.+?)(?=\s*(?:[,;–()]|\s-\s|huyện|quận|thị xã|thành phố|tỉnh|$))/iu;
const DISTRICT = /(?:^|[\s,;–(-])(huyện|quận|thị xã|thành phố)\s+(.+?)(?=\s*(?:[,;–()]|\s-\s|tỉnh|$))/iu;
const PROVINCE = /(?:^|[\s,;–(-])tỉnh\s+(.+?)(?=\s*(?:[,;–()]|\s-\s|$))/iu;

/**
 * Clues for the commune an export names a dossier's unit by ("UBND xã Bản Thi", "Xã Bản Thi - Huyện
 * Chợ Đồn - Tỉnh Bắc Kạn", "Bộ phận một cửa xã Bản Thi"). Resolution to an official code is the
 * normaliser's job; the raw text goes along as a hint.
 */
export function unitClues(raw: string): CommuneClues {
  const text = clean(raw);
  const clues: CommuneClues = { hints: text ? [text] : [] };
  const c = COMMUNE.exec(text);
  if (c) {
    clues.unitType = c[1]!.toLowerCase();
    clues.name = c[2]!.trim();
  }
  const d = DISTRICT.exec(text.slice(c ? (c.index ?? 0) + c[0].length : 0));
  if (d) clues.district = d[2]!.trim();
  const p = PROVINCE.exec(text);
  if (p) clues.province = p[1]!.trim();
  return clues;
}
