import { matchesOf } from '../../text/index.js';
import type { Lexicon, Mention } from './lexicon.js';
import type { NumberToken } from './numbers.js';

/**
 * What the words around a printed number say about it: every concept with a weight by where it
 * stands. Its own words (from the last boundary before it to the next after it, or the label
 * before a colon) weigh most, the measure word right after it most of all; a number in a list or
 * in brackets then takes what it does not say itself from the number the list belongs to ("đã giải
 * quyết 305 hồ sơ, trong đó: trước hạn 250" — 250 is resolved dossiers, early); then the clause, the
 * sentence, the heading. A concept's facet decides what is taken over: a number that says
 * "trực tuyến" does not take "trực tiếp" from its clause.
 */
export interface FigureContext {
  /** Concept → weight (the strongest place it was found). */
  readonly weights: ReadonlyMap<string, number>;
  /** Concepts the figure itself or its list states: one the indicator does not explain counts against it. */
  readonly strong: ReadonlySet<string>;
  /** Concepts that keep the figure unmapped unless the indicator is about them (targets, other bodies). */
  readonly blocks: ReadonlySet<string>;
  /** The measure word printed right after the number ("312 hồ sơ"). */
  readonly noun?: string;
  /** The measure word of the label before it ("số lượt người nghe: 312 lượt"): the unit after the number may be shorter. */
  readonly labelNoun?: string;
  /** A word right after the number that the lexicon does not know: it counts something else ("05 Phó Trưởng phòng"). */
  readonly unknownNoun?: string;
  /** The number this one is a part of (the number before the bracket or "trong đó" it stands after). */
  readonly head?: number;
  /** The concepts taken from that head number's own words (the set the part belongs to). */
  readonly fromHead?: ReadonlySet<string>;
  /** The words that were read, for the record. */
  readonly evidence: readonly { readonly text: string; readonly concept: string; readonly weight: number }[];
}

export const WEIGHTS = { noun: 3, own: 2, after: 1.5, head: 1.5, clause: 1, sentence: 0.5, heading: 0.5 } as const;

// Punctuation that ends the words belonging to a number; ";" and sentence ends also end its clause.
const BOUNDARY = /[,;:()[\]]|\s[-–]\s/gu;

interface Cut {
  readonly at: number;
  readonly end: number;
  readonly kind: 'comma' | 'colon' | 'open' | 'close' | 'clause' | 'word' | 'breakdown';
  /** A list word that only joins two items ("và"). */
  readonly joining?: boolean;
}

export interface SentenceLayout {
  readonly text: string;
  readonly mentions: readonly Mention[];
  readonly tokens: readonly NumberToken[];
  readonly cuts: readonly Cut[];
  /** Negations of the sentence ("không có", "chưa"), found once. */
  readonly negations: readonly { readonly start: number; readonly end: number }[];
  /** Mentions in brackets or in a negated phrase: they speak for themselves, not for the clause. */
  readonly aside: ReadonlySet<Mention>;
  /** Relative words ("do", "mà"), found once. */
  readonly relatives: readonly { readonly start: number; readonly end: number }[];
}

/** Where the sentence's boundaries are; a boundary inside a lexicon phrase ("tiếp nhận và giải quyết") is none. */
export function layout(text: string, tokens: readonly NumberToken[], lexicon: Lexicon): SentenceLayout {
  // A money unit is part of its number ("2.894.600.000 đồng"), not a word around it.
  const mentions = lexicon.mentions(text).filter((m) => !tokens.some((t) => m.start < t.end && t.start < m.end));
  const inside = (i: number) => mentions.some((m) => m.start < i && i < m.end) || tokens.some((t) => t.start < i && i < t.end);
  const cuts: Cut[] = [];
  for (const m of matchesOf(BOUNDARY, text)) {
    if (inside(m.index)) continue;
    const c = m[0].trim();
    const kind = c === ';' ? 'clause' : c === ':' ? 'colon' : c === '(' || c === '[' ? 'open' : c === ')' || c === ']' ? 'close' : 'comma';
    cuts.push({ at: m.index, end: m.index + m[0].length, kind });
  }
  for (const w of lexicon.listWords(text)) {
    if (inside(w.start) || inside(w.end - 1)) continue;
    cuts.push({ at: w.start, end: w.end, kind: w.breakdown ? 'breakdown' : 'word', ...(w.joining ? { joining: true } : {}) });
  }
  cuts.sort((a, b) => a.at - b.at);
  const negations = lexicon.polarity(text).filter((p) => p.negative);
  // "và", "với" end a number's words only between list items: "UBND tỉnh … và UBND huyện … giao 21" is one subject.
  const kept = cuts.filter((c) => {
    if (c.kind !== 'word') return true;
    const clauseStart = cuts.filter((d) => d.kind === 'clause' && d.end <= c.at).at(-1)?.end ?? 0;
    // (Nor, for a joining word, where no number follows before the next boundary: "100% văn bản đi được ký số và
    // phát hành trên phần mềm" joins two verbs of one figure.)
    const next = cuts.find((d) => d.kind !== 'word' && d.at >= c.end)?.at ?? text.length;
    return tokens.some((t) => t.end <= c.at && t.start >= clauseStart) && (!c.joining || tokens.some((t) => t.start >= c.end && t.start < next));
  });
  const l = { text, mentions, tokens, cuts: kept, negations, aside: new Set<Mention>(), relatives: lexicon.relativeWords(text) };
  for (const m of mentions) if (openParen(l, m.start) !== undefined || negated(l, m)) l.aside.add(m);
  return l;
}

/** The extent [start, end) of a token together with its fraction partner. */
function extent(l: SentenceLayout, i: number): [number, number] {
  const t = l.tokens[i]!;
  const o = t.other !== undefined ? l.tokens[t.other] : undefined;
  return o ? [Math.min(t.start, o.start), Math.max(t.end, o.end)] : [t.start, t.end];
}

/** The words a number owns: back to the last boundary or number, on to the next. */
export function ownZone(l: SentenceLayout, i: number): { left: [number, number]; right: [number, number]; labelled: boolean } {
  const [s, e] = extent(l, i);
  const before = l.cuts.filter((c) => c.end <= s).at(-1);
  const prevToken = l.tokens.filter((t, j) => t.end <= s && !isPartner(l, i, j)).at(-1);
  let leftStart = Math.max(before?.end ?? 0, prevToken?.end ?? 0);
  let labelled = false;
  // "Số hồ sơ tiếp nhận: 312": the label before the colon names the number after it.
  if (before?.kind === 'colon' && l.text.slice(before.end, s).trim() === '' && (prevToken?.end ?? 0) <= before.at) {
    const labelEnd = (at: number) => l.cuts.filter((c) => c.end <= at && ['clause', 'colon', 'open', 'close'].includes(c.kind)).at(-1);
    let further = labelEnd(before.at);
    // "Số lượng lãnh đạo … được bổ nhiệm (lũy kế từ đầu năm): 02 người": a remark in brackets ending the label is part of it.
    if (further?.kind === 'close' && l.text.slice(further.end, before.at).trim() === '') {
      const open = l.cuts.filter((c) => c.kind === 'open' && c.at < further!.at).at(-1);
      if (open) further = labelEnd(open.at);
    }
    const prev = l.tokens.filter((t) => t.end <= before.at).at(-1);
    leftStart = Math.max(further?.end ?? 0, prev?.end ?? 0);
    labelled = true;
  }
  const after = l.cuts.find((c) => c.at >= e);
  const nextToken = l.tokens.find((t, j) => t.start >= e && !isPartner(l, i, j));
  const rightEnd = Math.min(after?.at ?? l.text.length, nextToken?.start ?? l.text.length);
  return { left: [leftStart, s], right: [e, rightEnd], labelled };
}

function isPartner(l: SentenceLayout, i: number, j: number): boolean {
  return l.tokens[i]!.other === j || l.tokens[j]!.other === i || i === j;
}

/** Which clause (between ";") a position is in, and the paren group (the "(" it stands in, or -1). */
function clauseOf(l: SentenceLayout, at: number): [number, number] {
  const start = l.cuts.filter((c) => c.kind === 'clause' && c.end <= at).at(-1)?.end ?? 0;
  const end = l.cuts.find((c) => c.kind === 'clause' && c.at >= at)?.at ?? l.text.length;
  return [start, end];
}

/** The bracket `at` stands in, if any; a bracket may hold a ";" ("(… dưới 6 tuổi; đăng ký khai tử …)"). */
function openParen(l: SentenceLayout, at: number): Cut | undefined {
  let depth = 0;
  // Backwards over the cuts without copying them: asked for every mention and number of the sentence.
  for (let k = l.cuts.length - 1; k >= 0; k--) {
    const c = l.cuts[k]!;
    if (c.at >= at) continue;
    if (c.kind === 'close') depth++;
    if (c.kind === 'open') {
      if (depth === 0) return c;
      depth--;
    }
  }
  return undefined;
}

const within = (m: Mention, [s, e]: [number, number]) => m.start >= s && m.end <= e;

/** The description of number `i` of the sentence, with the heading's mentions. */
export interface Zones {
  readonly of: readonly ReturnType<typeof ownZone>[];
  /** Each number's own mentions. */
  readonly mentions: readonly (readonly Mention[])[];
  /** Mentions that belong to some number. */
  readonly owned: ReadonlySet<Mention>;
  /** Mentions in a relative clause after a number's measure word ("… TTHC thuộc thẩm quyền của cấp xã"): they describe that number only. */
  readonly described: ReadonlySet<Mention>;
}

/** Every number's own words, computed once per sentence. */
export function zonesOf(l: SentenceLayout): Zones {
  const of = l.tokens.map((_, j) => ownZone(l, j));
  const mentions = of.map((z) => l.mentions.filter((m) => within(m, z.left) || within(m, z.right)));
  const described = new Set<Mention>();
  for (const [j, z] of of.entries()) {
    const r = relativeAfter(l, j, z);
    // (Whose figure it is still speaks for the clause: "11 nhiệm vụ do UBND tỉnh giao, đã hoàn thành 09".)
    if (r) for (const m of mentions[j]!) if (m.start >= r.start && m.facet !== 'subject') described.add(m);
  }
  return { of, mentions, owned: new Set(mentions.flat()), described };
}

/** The first relative word after number `j`'s measure word, within its own words. */
function relativeAfter(l: SentenceLayout, j: number, z: ReturnType<typeof ownZone>): { start: number; end: number } | undefined {
  return l.relatives.find((r) => r.start >= extent(l, j)[1] && r.end <= z.right[1]);
}

export function figureContext(l: SentenceLayout, i: number, lexicon: Lexicon, heading: readonly Mention[], zs: Zones = zonesOf(l)): FigureContext {
  const zones = zs.of;
  const weights = new Map<string, number>();
  const strong = new Set<string>();
  const blocks = new Set<string>();
  const evidence: { text: string; concept: string; weight: number }[] = [];
  const facets = new Set<string>();
  const fromHead = new Set<string>();
  const facet = (c: string) => lexicon.facetOf.get(c) ?? c;
  const add = (m: Mention, weight: number, opts: { strong: boolean; inherit: boolean; block: 'all' | 'clause' | 'none' }) => {
    const f = facet(m.concept);
    // Something no indicator counts matters only as the measure word of the number itself.
    if ((f === "measure") && !(opts.strong && !opts.inherit && m.concept === noun)) return;
    if (m.block && (opts.block === 'all' || (opts.block === 'clause' && m.block === 'clause'))) blocks.add(m.concept);
    // Taken over only where the figure does not say that facet itself.
    if (opts.inherit && facets.has(f) && !weights.has(m.concept)) return;
    if ((weights.get(m.concept) ?? 0) < weight) {
      weights.set(m.concept, weight);
      evidence.push({ text: m.text, concept: m.concept, weight });
    }
    if (opts.strong) strong.add(m.concept);
  };
  const ownMentions = (j: number) => zs.mentions[j]!;

  const z = zones[i]!;
  const own = ownMentions(i);
  const t = l.tokens[i]!;
  let noun = nounOf(l, i, own, lexicon);
  // "số lượt người nghe: 312 lượt": the unit after a labelled number is the label's measure word, shortened.
  const labelMention = z.labelled ? own.find((m) => within(m, z.left) && lexicon.facetOf.get(m.concept) === 'noun') : undefined;
  const unitMention = noun ? own.find((m) => m.start >= extent(l, i)[1] && m.concept === noun) : undefined;
  let restated: Mention | undefined;
  if (labelMention && unitMention && labelMention.concept !== noun && shortens(unitMention.text, labelMention.text)) noun = labelMention.concept;
  else if (unitMention && !own.some((m) => m !== unitMention && lexicon.facetOf.get(m.concept) === 'noun')) {
    // "rà soát 06 VBQPPL …; có 02 văn bản cần sửa đổi": a general measure word restates the kind printed before it
    // (unless the number's own words name what it counts: "số người làm việc theo hợp đồng lao động là 03 người").
    const kinds = lexicon.file.restated[unitMention.concept] ?? [];
    const said = l.mentions.filter((m) => m.end <= unitMention.start && kinds.includes(m.concept)).at(-1);
    if (said) {
      noun = said.concept;
      restated = { ...unitMention, concept: said.concept, facet: said.facet };
    }
  }
  // The predicate before a number weighs more than a relative clause after its noun ("02 văn bản do UBND xã ban hành").
  // Words after a relative word behind the measure word ("02 văn bản QPPL do UBND xã ban hành", "… chậm do
  // nội dung phức tạp") describe what is counted or why: they add their weight and count against nothing.
  for (const m of own.map((x) => (x === unitMention && restated ? restated : x))) {
    if (m === unitMention && noun !== m.concept) continue;
    if (zs.described.has(m)) {
      // (Another body, a target or a subset named there still keeps the number out: "36 TTHC thuộc thẩm quyền của cơ quan ngành dọc".)
      if (lexicon.facetOf.get(m.concept) !== 'measure') add(m, WEIGHTS.after, { strong: false, inherit: false, block: 'all' });
      continue;
    }
    add(m, m.concept === noun ? WEIGHTS.noun : within(m, z.left) ? WEIGHTS.own : WEIGHTS.after, { strong: true, inherit: false, block: 'all' });
  }
  const unknownNoun = t.kind === 'percent' ? undefined : unknownWordAfter(l, extent(l, i)[1], own, lexicon);
  const ownFacets = new Set(own.map((m) => facet(m.concept)));
  for (const f of ownFacets) facets.add(f);
  const inheritFrom = (all: readonly Mention[], weight: number, isStrong: boolean, block: 'all' | 'clause' | 'none') => {
    const ms = all.filter((m) => !zs.described.has(m));
    const before = new Set(facets);
    for (const m of ms) if (!before.has(facet(m.concept))) add(m, weight, { strong: isStrong, inherit: true, block });
    for (const m of ms) facets.add(facet(m.concept));
  };

  const [cs, ce] = clauseOf(l, t.start);
  const inClause = (j: number) => l.tokens[j]!.start >= cs && l.tokens[j]!.end <= ce;
  const [selfStart] = extent(l, i);
  const earlier = l.tokens.map((_, j) => j).filter((j) => inClause(j) && l.tokens[j]!.end <= selfStart);

  // A percentage speaks of the count just before it ("trực tuyến 3.102 hồ sơ, đạt 80,45%"), not of another percentage.
  const prevCount = earlier.at(-1);
  if (t.kind === 'percent' && prevCount !== undefined && l.tokens[prevCount]!.kind !== 'percent' && !z.labelled) {
    const prev = prevCount;
    {
      inheritFrom(ownMentions(prev), WEIGHTS.head, true, 'all');
    }
  }
  // A number in brackets, or after "trong đó", belongs to the number before them.
  const paren = openParen(l, t.start);
  const breakdown = l.cuts.filter((c) => c.kind === 'breakdown' && c.end <= t.start && c.at >= cs).at(-1);
  const headCut = [paren, breakdown].filter((c): c is Cut => !!c).sort((a, b) => b.at - a.at)[0];
  // "…: 226; trong đó sớm hẹn 180": a breakdown opening a clause belongs to the last number of the clause before.
  const opensClause = headCut?.kind === 'breakdown' && !earlier.some((j) => l.tokens[j]!.end <= headCut.at);
  const previous = opensClause ? l.tokens.map((_, j) => j).filter((j) => l.tokens[j]!.end <= cs).at(-1) : undefined;
  // (A number in a bracket closed before the cut is a part of an earlier head, not the head: "02 trường hợp (01 cán bộ …,
  // 01 công chức …), trong đó có 01 người giữ chức vụ lãnh đạo".)
  const level = headCut ? openParen(l, headCut.at) : undefined;
  const headOf = headCut ? (earlier.filter((j) => l.tokens[j]!.end <= headCut.at && openParen(l, l.tokens[j]!.start) === level).at(-1) ?? previous) : undefined;
  // "gồm: 01 kế hoạch, 03 quyết định": a part counted in another measure word is another thing, not the head's kind.
  const headNoun = headOf !== undefined ? nounOf(l, headOf, ownMentions(headOf), lexicon) : undefined;
  // (A kind of the head's measure word is no other thing: "20 người (10 cán bộ, 10 công chức)".)
  // (Nor is the general word for it: "100% công chức có máy tính (38/38 người)".)
  const subtype =
    noun !== undefined && headNoun !== undefined && noun !== headNoun && !(lexicon.file.kinds[headNoun] ?? []).includes(noun) && !(lexicon.file.kinds[noun] ?? []).includes(headNoun);
  // The general word counts what the head counts: "(38/38 người)" after "100% công chức" are civil servants.
  if (headCut && headOf !== undefined && noun !== undefined && headNoun !== undefined && noun !== headNoun && (lexicon.file.kinds[noun] ?? []).includes(headNoun)) {
    const w = weights.get(noun) ?? WEIGHTS.noun;
    weights.delete(noun);
    strong.delete(noun);
    noun = headNoun;
    weights.set(noun, w);
    strong.add(noun);
  }
  if (headCut && !subtype) {
    const head = headOf;
    if (head !== undefined) {
      const had = new Set(weights.keys());
      inheritFrom(ownMentions(head), WEIGHTS.head, true, 'all');
      for (const c of weights.keys()) if (!had.has(c)) fromHead.add(c);
    }
    // The words just before the bracket name what is broken down ("tiếp nhận (…)").
    // (Not past the number before the head: "Biên chế giao 19, thực có 18 người (10 cán bộ, …)".)
    const beforeHead = head !== undefined ? l.tokens.filter((tt) => tt.end <= extent(l, head)[0]).at(-1)?.end ?? 0 : 0;
    const lead = l.mentions.filter((m) => m.end <= headCut.at && m.start >= Math.max(cs, beforeHead, l.cuts.filter((c) => c.end <= headCut.at && c.kind !== 'comma').at(-1)?.end ?? 0));
    inheritFrom(lead, WEIGHTS.head, true, 'all');
  }
  // Words of the clause that belong to no number, then the clause's first number.
  const owned = (m: Mention) => zs.owned.has(m);
  // A bracketed remark, or a phrase a negation opens ("chưa có hồ sơ nào quá hạn"), speaks for itself.
  const clauseFree = l.mentions.filter((m) => m.start >= cs && m.end <= ce && !owned(m) && !l.aside.has(m));
  inheritFrom(clauseFree, WEIGHTS.clause, true, 'clause');
  const clauseHead = earlier[0];
  if (clauseHead !== undefined && !subtype) inheritFrom(ownMentions(clauseHead), WEIGHTS.clause, true, 'clause');
  // "Hồ sơ trả kết quả sớm hẹn: 2.031; đúng hẹn: 118": a clause that names no noun and no action continues the one before.
  // "Số TTHC đủ điều kiện cung cấp trực tuyến một phần: 18; đang cung cấp: 18": one that names an action but
  // no noun continues only what is counted and at which level (`continued_facets`), not the rest of the label.
  // (Nor does a label whose number only has its unit after it: "…: 25 thủ tục; đã cung cấp: 20 thủ tục".)
  const labelNamesNoun = own.some((m) => facet(m.concept) === 'noun' && m.end <= t.start);
  const unitOnly = z.labelled && !labelNamesNoun && own.filter((m) => facet(m.concept) === 'noun').every((m) => m === unitMention);
  if (clauseHead === undefined && cs > 1 && (!facets.has('noun') || unitOnly)) {
    const [ps, pe] = clauseOf(l, cs - 2);
    const firstOfPrev = l.tokens.findIndex((tt) => tt.start >= ps && tt.end <= pe);
    const continued = new Set(lexicon.file.continued_facets);
    const from = firstOfPrev < 0 ? [] : facets.has('action') ? ownMentions(firstOfPrev).filter((m) => continued.has(facet(m.concept))) : ownMentions(firstOfPrev);
    inheritFrom(from, WEIGHTS.clause, false, 'none');
  }
  // "20 người (10 cán bộ, 10 công chức)": the bracket right after the number names what it is made of.
  const [, selfEnd] = extent(l, i);
  const opening = l.cuts.find((c) => c.kind === 'open' && c.at >= selfEnd);
  if (opening && /^[\s\p{L}]*$/u.test(l.text.slice(selfEnd, opening.at)) && opening.at - selfEnd < 12) {
    const closing = l.cuts.find((c) => c.kind === 'close' && c.at > opening.at)?.at ?? l.text.length;
    const inside = new Set(l.mentions.filter((m) => m.start > opening.at && m.end <= closing).map((m) => m.concept));
    for (const c of lexicon.file.compositions) {
      if (c.parts.every((p) => inside.has(p)) && !weights.has(c.means)) {
        weights.set(c.means, WEIGHTS.after);
        strong.add(c.means);
      }
    }
  }
  // "đúng hạn" beside "trước hạn" in the same sentence is the strict due day.
  for (const c of lexicon.file.contrasts) {
    const w = weights.get(c.concept) ?? 0;
    if (w < WEIGHTS.after || !l.mentions.some((m) => m.concept === c.beside)) continue;
    weights.set(c.adds, w);
    strong.add(c.adds);
  }
  // The rest of the sentence and the heading only add weight; they never count against an indicator.
  const sentenceFacets = new Set(lexicon.file.sentence_facets);
  const sentenceFree = l.mentions.filter((m) => (m.end <= cs || m.start >= ce) && !owned(m));
  const earlierClauses = l.mentions.filter((m) => m.end <= cs);
  for (const m of [...sentenceFree, ...earlierClauses]) {
    const f = facet(m.concept);
    if (!m.block && !facets.has(f) && sentenceFacets.has(f)) add(m, WEIGHTS.sentence, { strong: false, inherit: true, block: 'none' });
  }
  // What was done first frames what follows it: the figures after "rà soát 06 văn bản …" are results of that review.
  for (const f of lexicon.file.follows) {
    const before = l.mentions.find((m) => m.concept === f.concept && m.end <= t.start);
    if (before && !weights.has(f.gives)) add({ ...before, concept: f.gives, facet: facet(f.gives) }, WEIGHTS.clause, { strong: false, inherit: true, block: 'none' });
  }
  // Whose figures a sentence gives is said once: "nhận 11 nhiệm vụ huyện giao, …; 02 nhiệm vụ hoàn thành chậm".
  if (!facets.has('subject')) for (const m of earlierClauses) if (!m.block && !l.aside.has(m) && facet(m.concept) === 'subject') add(m, WEIGHTS.sentence, { strong: false, inherit: true, block: 'none' });
  for (const m of heading) {
    if (!facets.has(facet(m.concept)) && sentenceFacets.has(facet(m.concept))) add(m, WEIGHTS.heading, { strong: false, inherit: true, block: 'none' });
  }
  const head = headCut && !subtype && headOf !== undefined && l.tokens[headOf]!.other !== i ? headOf : undefined;
  const labelNoun = own.find((m) => within(m, z.left) && lexicon.facetOf.get(m.concept) === 'noun')?.concept;
  return { weights, strong, blocks, ...(noun ? { noun } : {}), ...(labelNoun ? { labelNoun } : {}), ...(unknownNoun ? { unknownNoun } : {}), ...(head !== undefined ? { head, fromHead } : {}), evidence };
}

/** Whether a unit word is the first word(s) of a longer measure word ("lượt" of "lượt người nghe"). */
function shortens(unit: string, label: string): boolean {
  const u = unit.toLowerCase().normalize('NFC');
  const w = label.toLowerCase().normalize('NFC');
  return w.length > u.length && w.startsWith(u) && /\s/u.test(w[u.length] ?? '');
}

/** The measure word printed right after number `i` ("312 hồ sơ"), if any. */
function nounOf(l: SentenceLayout, i: number, own: readonly Mention[], lexicon: Lexicon): string | undefined {
  const end = extent(l, i)[1];
  const first = own.filter((m) => m.start >= end)[0];
  if (!first || !['noun', 'measure', 'equipment'].includes(lexicon.facetOf.get(first.concept) ?? '')) return undefined;
  return /^[\s/]*$/u.test(l.text.slice(end, first.start)) ? first.concept : undefined;
}

/** Whether a mention stands in a phrase opened by a negation of its clause, with no boundary between. */
function negated(l: SentenceLayout, m: Mention): boolean {
  return l.negations.some((p) => p.end <= m.start && !l.cuts.some((c) => c.at >= p.end && c.at < m.start && c.kind !== 'word'));
}

/** The first word after a number when it is neither a lexicon word nor a function word. */
function unknownWordAfter(l: SentenceLayout, end: number, own: readonly Mention[], lexicon: Lexicon): string | undefined {
  const m = /^[\s/]*([\p{L}\p{M}]+)/u.exec(l.text.slice(end));
  if (!m) return undefined;
  const at = end + m[0].length - m[1]!.length;
  if (own.some((x) => x.start === at) || l.mentions.some((x) => x.start === at)) return undefined;
  if (l.cuts.some((c) => c.at === at)) return undefined;
  return lexicon.functionWordAt(l.text, at) ? undefined : m[1];
}
