import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  codeText,
  decodeLegacy,
  fontCatalog,
  legacyFont,
  readLegacyText,
  tcvn3Table,
  vniTable,
} from '../../src/text/legacy/index.js';
import { FontCatalog, Tcvn3Table, VniTable } from '../../src/text/legacy/catalog.js';
import { ROOT, fixture } from '../helpers.js';

/** fixtures/legacy/tcvn5712-1-iconv.tsv: what `iconv -f TCVN5712-1 -t UTF-8` gave for every byte. */
function iconvReference(): Map<number, string> {
  const map = new Map<number, string>();
  for (const line of readFileSync(fixture('legacy/tcvn5712-1-iconv.tsv'), 'utf8').split('\n')) {
    const [byte, points] = line.split('\t');
    if (!byte || byte.startsWith('#') || points === undefined) continue;
    map.set(Number(byte), String.fromCodePoint(...points.split(' ').map((p) => parseInt(p.slice(2), 16))));
  }
  return map;
}

/** fixtures/legacy/unikey-tables.tsv: UniKey's TCVN3 byte and VNI-WIN bytes, and xvnkb's VNI bytes, of each letter. */
function unikeyReference(): { letter: string; tcvn3: number; vni: number[]; xvnkb: number[] | undefined }[] {
  return readFileSync(fixture('legacy/unikey-tables.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [letter, tcvn3, vni, xvnkb] = l.split('\t');
      return { letter: letter!, tcvn3: Number(tcvn3), vni: vni!.split(' ').map(Number), xvnkb: xvnkb === '-' ? undefined : xvnkb!.split(' ').map(Number) };
    });
}

const vietnameseLetters = <T extends { letter: string }>(rows: T[]): T[] => rows.filter((r) => r.letter.charCodeAt(0) >= 0x80);
const ABC_CAPITALS = new Set(['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ']);

describe('TCVN3 table (TCVN 5712:1993) against glibc iconv', () => {
  const reference = iconvReference();

  it('the captured reference covers every byte and names 134 Vietnamese letters and 5 tone marks', () => {
    expect(reference.size).toBe(255);
    const letters = [...reference.values()].filter((c) => /\p{L}/u.test(c) && c.charCodeAt(0) >= 0x80);
    expect(letters).toHaveLength(134);
    expect([...reference.values()].filter((c) => /\p{M}/u.test(c))).toEqual(['\u0300', '\u0309', '\u0303', '\u0301', '\u0323']);
  });

  it('every entry of the catalogue is the letter iconv gives for its byte', () => {
    const entries = tcvn3Table().entries;
    expect(entries).toHaveLength(139);
    for (const e of entries) expect([e.code, e.char]).toEqual([e.code, reference.get(e.code)]);
  });

  it('every ABC byte (0xA1–0xFF) decodes to what iconv gives; below, Windows punctuation stays', () => {
    for (let b = 0xa1; b <= 0xff; b++) {
      expect([b, decodeLegacy(codeText(Uint8Array.of(b)), 'tcvn3')]).toEqual([b, reference.get(b)!.normalize('NFC')]);
    }
    expect(decodeLegacy(codeText(Uint8Array.of(0x96, 0x93, 0x94)), 'tcvn3')).toBe('–“”');
  });

  it('a whole text decodes as glibc decodes it (live iconv, when the machine has it)', () => {
    const bytes = Buffer.from('B\xb6o Th\xbeng, \xa7\xe5ng Th\xb8p; Ng\xb5y nh\xcbn h\xe5 s\xac', 'latin1');
    let theirs: string;
    try {
      theirs = execFileSync('iconv', ['-f', 'TCVN5712-1', '-t', 'UTF-8'], { input: bytes }).toString('utf8').normalize('NFC');
    } catch {
      return; // no glibc charmaps: the captured reference above still holds
    }
    expect(decodeLegacy(codeText(bytes), 'tcvn3')).toBe(theirs);
    expect(theirs).toBe('Bảo Thắng, Đồng Tháp; Ngày nhận hồ sơ');
  });

  it("agrees with UniKey's TCVN3 table on every letter (capitals with tones: the small letter's code, upper-cased by .VnTimeH)", () => {
    const rows = vietnameseLetters(unikeyReference());
    expect(rows).toHaveLength(134);
    for (const { letter, tcvn3 } of rows) {
      const chars = codeText(Uint8Array.of(tcvn3));
      const isToneCapital = letter !== letter.toLowerCase() && !ABC_CAPITALS.has(letter);
      if (isToneCapital) {
        expect([letter, decodeLegacy(chars, 'tcvn3')]).toEqual([letter, letter.toLowerCase()]);
        expect([letter, decodeLegacy(chars, 'tcvn3', true)]).toEqual([letter, letter]);
      } else {
        expect([letter, decodeLegacy(chars, 'tcvn3')]).toEqual([letter, letter]);
      }
    }
  });
});

describe('VNI Windows table against UniKey and xvnkb', () => {
  it('every one of the 134 letters decodes from its VNI-WIN bytes, and both published tables give the same bytes', () => {
    const rows = vietnameseLetters(unikeyReference());
    expect(rows).toHaveLength(134);
    expect(vniTable().entries).toHaveLength(134);
    for (const { letter, vni, xvnkb } of rows) {
      expect([letter, xvnkb]).toEqual([letter, vni]);
      expect([letter, decodeLegacy(codeText(Uint8Array.from(vni)), 'vni')]).toEqual([letter, letter]);
    }
  });

  it('decodes words written by hand from the VNI layout, in NFC', () => {
    expect(decodeLegacy('Vieät Nam', 'vni')).toBe('Việt Nam');
    expect(decodeLegacy('Ñoàng Thaùp', 'vni')).toBe('Đồng Tháp');
    expect(decodeLegacy('Ngöôøi daân', 'vni')).toBe('Người dân');
    expect(decodeLegacy('THUÛ TUÏC HAØNH CHÍNH', 'vni')).toBe('THỦ TỤC HÀNH CHÍNH');
    expect(decodeLegacy('Baûo Thaéng', 'vni').normalize('NFC')).toBe(decodeLegacy('Baûo Thaéng', 'vni'));
    // Caps Lock: a capital base with a small mark takes the base's case.
    expect(decodeLegacy('BAùO CAùO', 'vni')).toBe('BÁO CÁO');
  });
});

describe('table catalogues are strict', () => {
  const tcvn = parse(readFileSync(`${ROOT}catalog/encodings/tcvn3.yaml`, 'utf8'));
  const vni = parse(readFileSync(`${ROOT}catalog/encodings/vni.yaml`, 'utf8'));

  it('a code listed twice is an error naming both entries', () => {
    const twice = { ...tcvn, entries: [...tcvn.entries, { code: 0xb8, char: 'ạ', abc: true }] };
    const r = Tcvn3Table.safeParse(twice);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe(`code 0xB8 listed twice (entries ${tcvn.entries.findIndex((e: { code: number }) => e.code === 0xb8)} and ${tcvn.entries.length})`);
    const vniTwice = { ...vni, entries: [...vni.entries, { char: 'ạ', codes: [0x61, 0xf9] }] };
    expect(VniTable.safeParse(vniTwice).error!.issues[0]!.message).toMatch(/^code 0x61 0xF9 listed twice/);
  });

  it('an unknown key is an error', () => {
    expect(Tcvn3Table.safeParse({ ...tcvn, entries: [{ code: 0xb8, char: 'á', abc: true, note: 'x' }] }).success).toBe(false);
    expect(FontCatalog.safeParse({ families: [{ encoding: 'tcvn3', prefixes: ['.Vn'], colour: 'red' }] }).success).toBe(false);
  });
});

describe('fonts', () => {
  it('every known font name resolves to its family; names ending in H are capitals fonts', () => {
    for (const family of fontCatalog().families) {
      for (const name of family.known) expect(legacyFont(name)).toMatchObject({ font: name, encoding: family.encoding });
    }
    expect(legacyFont('.VnTime')).toEqual({ font: '.VnTime', encoding: 'tcvn3', uppercase: false });
    expect(legacyFont('.VnTimeH')).toEqual({ font: '.VnTimeH', encoding: 'tcvn3', uppercase: true });
    expect(legacyFont('ABCDEF+.VnArialH,Bold')).toEqual({ font: '.VnArialH,Bold', encoding: 'tcvn3', uppercase: true });
    expect(legacyFont('VNI-Times')).toEqual({ font: 'VNI-Times', encoding: 'vni', uppercase: false });
    expect(legacyFont('Times New Roman')).toBeUndefined();
    expect(legacyFont(undefined)).toBeUndefined();
  });
});

describe('reading a run by its font and its bytes', () => {
  it('a Unicode font keeps its text, even text a legacy table would change', () => {
    expect(readLegacyText('Có', 'Times New Roman')).toEqual({ text: 'Có' });
    expect(readLegacyText('B¶o Th¾ng', 'Arial')).toEqual({ text: 'B¶o Th¾ng' });
  });

  it('a legacy font decodes (TCVN3 keeps "ư" that Windows shows as a soft hyphen)', () => {
    expect(readLegacyText('Cã', '.VnTime')).toEqual({ text: 'Có', decoded: { encoding: 'tcvn3', font: '.VnTime' } });
    expect(readLegacyText('ng\u00adêi', '.VnTime').text).toBe('người');
    expect(readLegacyText('b¸o c¸o', '.VnTimeH').text).toBe('BÁO CÁO');
    expect(readLegacyText('UBND', '.VnTimeH').text).toBe('UBND');
  });

  it('Unicode letters typed in a legacy font stay; VNI bytes in a TCVN3 font are read as VNI', () => {
    expect(readLegacyText('Hà Nội', '.VnTime')).toEqual({ text: 'Hà Nội' });
    expect(readLegacyText('Baûo Thaéng', '.VnTime')).toEqual({ text: 'Bảo Thắng', decoded: { encoding: 'vni', font: '.VnTime' } });
  });

  it('without a font, the bytes decide; text that reads as Vietnamese stays', () => {
    expect(readLegacyText('B¶o Th¾ng')).toEqual({ text: 'Bảo Thắng', decoded: { encoding: 'tcvn3' } });
    expect(readLegacyText('Baûo Thaéng')).toEqual({ text: 'Bảo Thắng', decoded: { encoding: 'vni' } });
    expect(readLegacyText('Lý do: Có')).toEqual({ text: 'Lý do: Có' });
  });

  it('text of a legacy font that reads in no table is flagged and kept', () => {
    // Windows-1251 Russian seen through Windows-1252 in a .VnTime cell.
    expect(readLegacyText('Ñïèñîê ñëóæàùèõ', '.VnTime')).toEqual({ text: 'Ñïèñîê ñëóæàùèõ', undecodable: { encoding: 'tcvn3', font: '.VnTime' } });
  });
});
