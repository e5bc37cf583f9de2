/**
 * Rules for what the tagger misses, each on jieba's words around the spans already found:
 * person names from their context (a role word before, a speech verb after), transliterated Tibetan
 * names jieba cuts into pieces, the next link of an administrative-division chain, organisation names
 * built from a place plus an organisation word, and titles in 《》.
 */
import type { Token } from '../jieba';
import type { TagSpan } from './decode';
import { COMPOUND_SURNAMES, DIVISION_SUFFIXES, ORG_WORDS, PLACE_ABBREVIATIONS, ROLE_WORDS, SPEECH_VERBS, SURNAMES, TIBETAN_SYLLABLES, TRANSLITERATION } from './lexicons';

const ROLE = new Set(ROLE_WORDS);
const SPEECH = new Set(SPEECH_VERBS);
const ORG_WORD = new Set(ORG_WORDS);
const SURNAME = new Set(SURNAMES);
const COMPOUND = new Set(COMPOUND_SURNAMES);
const TIBETAN = new Set(TIBETAN_SYLLABLES);
const ABBREV = new Set(PLACE_ABBREVIATIONS);
const FOREIGN = new Set(TRANSLITERATION + '·');
/** Divisions that can be followed by a lower-level division in a chain (省 → 市 → 县 → 乡 → 村). */
const CHAIN_HEADS = new Set('省市县区州盟旗乡镇');
const CHAIN_TAILS = new Set('省市县区州盟旗乡镇村');
const DIVISION_END = new Set(DIVISION_SUFFIXES);
/** Suffixes only places end with (区 also ends 军区, 社区, 开发区, which can be organisations). */
const PLACE_ONLY_TAILS = new Set('省市县乡镇村');
/** Tags of words that can follow a bare name: punctuation, verbs, prepositions, adverbs, conjunctions, particles. */
const AFTER_NAME = /^(x|v|vn|p|d|c|u[a-z]*|y)$/;
const HAN = /^[\u4e00-\u9fff]+$/;

/** Spans the rules add or that replace tagger spans they strictly contain. */
export function contextRules(text: string, toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  let out = divisionSuffixes(text, toks, splitChains(text, toks, splitAtRoleWords(text, toks, spans)));
  for (let w = 0; w < toks.length; w++) {
    const t = toks[w];
    if (isRole(t.word)) out = place(out, personAfter(text, toks, w + 1));
    if (SPEECH.has(t.word)) out = place(out, personBefore(text, toks, w));
  }
  out = chains(text, toks, out);
  out = dottedNames(text, out);
  return orgEndings(text, notFunctionWords(toks, abbreviationLists(text, branches(text, headOfOrg(text, toks, placeThenOrg(text, orgSuffixes(toks, out)))))));
}

const ORG_ENDING = /(队|公司|集团|委员会|协会|学会|联合会|俱乐部|大学|学院|银行|报社|电视台|研究所|研究院|政府)$/;

/** A place or person span that ends in an organisation word is an organisation (牙买加队, 海南航空公司). */
function orgEndings(text: string, spans: TagSpan[]): TagSpan[] {
  return spans.map(s => (s.label !== 'ORG' && s.label !== 'WORK' && ORG_ENDING.test(text.slice(s.start, s.end)) ? { ...s, label: 'ORG' } : s));
}

/** Verbs, adverbs, pronouns, conjunctions, prepositions and particles: never the first word of a name. */
const FUNCTION_WORD = /^(v|vd|vn|d|ad|r|c|p|u[a-z]*)$/;
/** Pronouns (我们, 他们, 自己) are never part of a name, wherever they sit. */
const PRONOUN = /^r[a-z]*$/;

/**
 * Tagger slips that are not names: a person whose first word jieba knows as a verb or function word
 * (应该, 任职, 连忙), or that holds a pronoun (向我们). Transliterations joined by · are kept: their
 * parts are often odd words. On dev.bio such PER spans were wrong 19 times out of 20; on held-out dev
 * folds the rule removes only wrong spans. (A lone conjunction first, 和夫人, or a verb inside, 时表示,
 * looked tempting but cut real names: 和万春, 翟启运.)
 */
function notFunctionWords(toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  const slip = (s: TagSpan): boolean => {
    const k = firstFrom(toks, s.start);
    const first = toks[k];
    if (!first || first.start !== s.start || first.word.includes('·')) return false;
    if (first.end <= s.end && first.word.length >= 2 && FUNCTION_WORD.test(first.tag)) return true;
    for (let j = k; j < toks.length && toks[j].end <= s.end; j++) {
      if (toks[j].word.length >= 2 && PRONOUN.test(toks[j].tag)) return true;
    }
    return false;
  };
  return spans.some(s => s.label === 'PER' && slip(s)) ? spans.filter(s => s.label !== 'PER' || !slip(s)) : spans;
}

const BRANCH = /(分行|支行|分公司|分局|分社|分院|分校|分会|支队)$/;

/** A branch written right after its parent is part of the parent's name (中国农业银行 + 昆明分行). */
function branches(text: string, spans: TagSpan[]): TagSpan[] {
  const out: TagSpan[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && prev.label === 'ORG' && s.label === 'ORG' && prev.end === s.start && BRANCH.test(text.slice(s.start, s.end))) {
      out[out.length - 1] = { start: prev.start, end: s.end, label: 'ORG' };
    } else {
      out.push(s);
    }
  }
  return out;
}

/**
 * In a list of one-character place abbreviations (美、欧、港), the items are all places once one of them
 * is: an item the tagger missed between 、 is added.
 */
function abbreviationLists(text: string, spans: TagSpan[]): TagSpan[] {
  let out = spans;
  for (const s of spans) {
    if (s.label !== 'LOC' || s.end - s.start !== 1) continue;
    for (let at = s.end + 1; text[at - 1] === '、' && ABBREV.has(text[at]) && standsAlone(text[at + 1], LIST_AFTER); at += 2) {
      out = place(out, { start: at, end: at + 1, label: 'LOC' });
    }
    for (let at = s.start - 2; at >= 0 && text[at + 1] === '、' && ABBREV.has(text[at]) && standsAlone(text[at - 1], LIST_BEFORE); at -= 2) {
      out = place(out, { start: at, end: at + 1, label: 'LOC' });
    }
  }
  return out;
}

/** What may stand next to a one-character list item: punctuation, a line edge, or a linking particle. */
const LIST_AFTER = new Set('、，。；：）”的和与及等两三各\r\n ');
const LIST_BEFORE = new Set('、，。；：（“在对与和及\r\n ');

function standsAlone(neighbour: string | undefined, allowed: Set<string>): boolean {
  return neighbour === undefined || allowed.has(neighbour);
}

/** A person name joined by · (维姆·杜伊森贝赫) is one name: a person span touching a · grows over the transliteration around it. */
function dottedNames(text: string, spans: TagSpan[]): TagSpan[] {
  let out = spans;
  for (const s of spans) {
    if (s.label !== 'PER' || !(text[s.start - 1] === '·' || text[s.end] === '·' || text.slice(s.start, s.end).includes('·'))) continue;
    let start = s.start, end = s.end;
    while (start > 0 && start > s.start - 12 && FOREIGN.has(text[start - 1])) start--;
    while (end < text.length && end < s.end + 12 && FOREIGN.has(text[end])) end++;
    while (text[start] === '·') start++;
    while (text[end - 1] === '·') end--;
    out = place(out, { start, end, label: 'PER' });
  }
  return out;
}

/** Heads of organisations written as one word with the organisation's last character (外交部长 = 外交部 + 长). */
const HEAD_TITLES = new Set(['部长', '局长', '厅长', '署长', '院长', '行长', '社长', '厂长', '所长', '处长', '科长', '校长', '台长', '馆长']);

/** An organisation cut short before such a title gets its last character back (芬兰农林|部长 → 芬兰农林部). */
function headOfOrg(text: string, toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  const titleAt = (end: number) => { const k = startingAt(toks, end); return k >= 0 && HEAD_TITLES.has(toks[k].word); };
  if (!spans.some(s => s.label === 'ORG' && titleAt(s.end))) return spans;
  return spans.map(s => (s.label === 'ORG' && titleAt(s.end) ? { start: s.start, end: s.end + 1, label: 'ORG' } : s));
}

/** Index of the first token starting at or after `pos` (tokens are sorted and never overlap). */
function firstFrom(toks: readonly Token[], pos: number): number {
  let lo = 0, hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].start < pos) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Index of the token starting at `pos`, or -1. */
function startingAt(toks: readonly Token[], pos: number): number {
  const k = firstFrom(toks, pos);
  return toks[k]?.start === pos ? k : -1;
}

/** Whether a token ends at `pos`: the last token starting before it. */
function endsAt(toks: readonly Token[], pos: number): boolean {
  const k = firstFrom(toks, pos) - 1;
  return k >= 0 && toks[k].end === pos;
}

/**
 * Role words, speech verbs and list punctuation are never inside a name: spans that are one are dropped,
 * spans that run into one are cut before it.
 */
function splitAtRoleWords(text: string, toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  const stops = (t: Token) => (ROLE.has(t.word) && t.word.length >= 2) || SPEECH.has(t.word)
    || (t.word.length > 2 && SPEECH.has(t.word.slice(-2))); // 时表示, 时介绍
  const out: TagSpan[] = [];
  for (const s of spans) {
    let cut = -1;
    for (let i = s.start, k = firstFrom(toks, s.start); i < s.end && cut < 0; i++) {
      const at = k < toks.length && toks[k].start === i ? toks[k++] : undefined;
      if ((at && stops(at)) || LIST_PUNCT.has(text.charCodeAt(i))) cut = i;
    }
    if (cut < 0) out.push(s);
    else if (cut - s.start >= 2 || (cut - s.start === 1 && s.label === 'LOC')) out.push({ start: s.start, end: cut, label: s.label });
  }
  return out;
}

/**
 * A name plus its division suffix is one place: the suffix word jieba cut off is joined back
 * (南山 + 村), and a "person" ending in 县/乡/村/区… or an "organisation" ending in 市/县/村… is a place.
 */
function divisionSuffixes(text: string, toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  const out: TagSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    let s = spans[i];
    const next = spans[i + 1];
    const k = s.label === 'LOC' ? startingAt(toks, s.end) : -1;
    const suffix = k >= 0 && toks[k].word.length === 1 && CHAIN_TAILS.has(toks[k].word) ? toks[k] : undefined;
    if (s.label === 'LOC' && suffix && (!next || next.start >= suffix.end)) s = { start: s.start, end: suffix.end, label: 'LOC' };
    const tail = text[s.end - 1];
    if (s.end - s.start >= 3 && ((s.label === 'PER' && CHAIN_TAILS.has(tail)) || (s.label === 'ORG' && PLACE_ONLY_TAILS.has(tail)))) s = { ...s, label: 'LOC' };
    out.push(s);
  }
  return out;
}

/**
 * Divisions are tagged one level at a time (青海省 | 玉树州 | 称多县), as news annotators do: a place span
 * is cut after an inner word ending in a division suffix when the rest is itself a division.
 */
function splitChains(text: string, toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  const out: TagSpan[] = [];
  for (const s of spans) {
    let from = s.start;
    if (s.label === 'LOC' && DIVISION_END.has(text[s.end - 1])) {
      for (let i = s.start + 2; i <= s.end - 2; i++) {
        if (CHAIN_HEADS.has(text[i - 1]) && i - from >= 2 && endsAt(toks, i)) {
          out.push({ start: from, end: i, label: 'LOC' });
          from = i;
        }
      }
    }
    out.push(from === s.start ? s : { start: from, end: s.end, label: s.label });
  }
  return out;
}

/** A division directly followed by an organisation is part of its name (海口市 + 中级人民法院). */
function placeThenOrg(text: string, spans: TagSpan[]): TagSpan[] {
  const out: TagSpan[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && prev.label === 'LOC' && s.label === 'ORG' && prev.end === s.start && CHAIN_TAILS.has(text[prev.end - 1])) {
      out[out.length - 1] = { start: prev.start, end: s.end, label: 'ORG' };
    } else {
      out.push(s);
    }
  }
  return out;
}

const LIST_PUNCT = new Set([...'、，。；：'].map(c => c.charCodeAt(0)));

const ROLE_MODIFIER = /^(副|老|前|原|女|男|总|退伍|退休|驻村)/;
/** First characters ROLE_MODIFIER can match: most words are ruled out without running it. */
const MODIFIER_FIRST = new Set([...'副老前原女男总退驻'].map(c => c.charCodeAt(0)));

/** A role word, possibly with a modifier jieba keeps in the same word (退伍军人, 副县长, 老村长). */
function isRole(word: string): boolean {
  if (ROLE.has(word)) return true;
  if (!MODIFIER_FIRST.has(word.charCodeAt(0))) return false;
  const m = ROLE_MODIFIER.exec(word);
  return m !== null && ROLE.has(word.slice(m[0].length));
}

/** A person name starting at token `w`: a Tibetan syllable run, or a surname plus one or two characters. */
function personAfter(text: string, toks: readonly Token[], w: number): TagSpan | undefined {
  if (w >= toks.length || toks[w].start !== toks[w - 1].end) return undefined;
  const tib = tibetanRun(toks, w, 1);
  if (tib) return tib;
  return hanName(text, toks, w);
}

function personBefore(text: string, toks: readonly Token[], w: number): TagSpan | undefined {
  const tib = tibetanRun(toks, w - 1, -1);
  if (tib) return tib;
  for (let k = w - 1; k >= Math.max(0, w - 3); k--) {
    const name = hanName(text, toks, k);
    if (name && name.end === toks[w].start) {
      const before = k > 0 ? toks[k - 1] : undefined;
      if (!before || before.tag === 'x' || isRole(before.word)) return name;
    }
  }
  return undefined;
}

/** Consecutive tokens made only of Tibetan name syllables, 2–8 characters, walking from `w` in `dir`. */
function tibetanRun(toks: readonly Token[], w: number, dir: 1 | -1): TagSpan | undefined {
  let first = w, last = w - dir, len = 0;
  for (let k = w; k >= 0 && k < toks.length && Math.abs(k - w) < 4; k += dir) {
    const t = toks[k];
    if (![...t.word].every(ch => TIBETAN.has(ch))) break;
    if (k !== w && (dir === 1 ? t.start !== toks[k - 1].end : t.end !== toks[k + 1].start)) break;
    if (len + t.word.length > 8) break;
    len += t.word.length;
    last = k;
  }
  if (len < 3 || last === w - dir) return undefined;
  [first, last] = dir === 1 ? [w, last] : [last, w];
  return { start: toks[first].start, end: toks[last].end, label: 'PER' };
}

/** Surname (or compound surname) + 1–2 Han characters, ending on a word boundary before a word that can follow a name. */
function hanName(text: string, toks: readonly Token[], w: number): TagSpan | undefined {
  const start = toks[w].start;
  const sur = COMPOUND.has(text.slice(start, start + 2)) ? 2 : SURNAME.has(text[start]) ? 1 : 0;
  if (!sur) return undefined;
  if (toks[w].tag.startsWith('nr') && toks[w].word.length >= 2 && toks[w].word.length <= 4) {
    return { start, end: toks[w].end, label: 'PER' };
  }
  for (let k = w, len = 0; k < toks.length && k < w + 3; k++) {
    len += toks[k].word.length;
    if (!HAN.test(toks[k].word) || len > sur + 2) break;
    const next = toks[k + 1];
    if (len > sur && (!next || SPEECH.has(next.word) || AFTER_NAME.test(next.tag))) {
      return { start, end: toks[k].end, label: 'PER' };
    }
  }
  return undefined;
}

/** After a division ending in 省/市/县/乡…, the next Han words up to a division suffix are the next link. */
function chains(text: string, toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  let out = spans;
  for (let i = 0; i < out.length; i++) {
    const s = out[i];
    if (s.label !== 'LOC' || !CHAIN_HEADS.has(text[s.end - 1])) continue;
    const k = startingAt(toks, s.end);
    if (k < 0) continue;
    for (let len = 0, j = k; j < toks.length && j < k + 3; j++) {
      len += toks[j].word.length;
      if (!HAN.test(toks[j].word) || len > 6) break;
      if (len >= 2 && CHAIN_TAILS.has(text[toks[j].end - 1]) && DIVISION_END.has(text[toks[j].end - 1])) {
        out = place(out, { start: s.end, end: toks[j].end, label: 'LOC' });
        break;
      }
    }
  }
  return out;
}

/** A place or organisation directly followed by an organisation word (教育局, 委员会, 支行…; 队 after a place) is one organisation. */
function orgSuffixes(toks: readonly Token[], spans: TagSpan[]): TagSpan[] {
  const out: TagSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    const k = s.label === 'LOC' || s.label === 'ORG' ? startingAt(toks, s.end) : -1;
    const next = spans[i + 1];
    const orgWord = k >= 0 && (ORG_WORD.has(toks[k].word) || (s.label === 'LOC' && toks[k].word === '队'));
    if (orgWord && (!next || next.start >= toks[k].end)) {
      out.push({ start: s.start, end: toks[k].end, label: 'ORG' });
    } else {
      out.push(s);
    }
  }
  return out;
}

/**
 * Adds `span` unless it overlaps a span it does not strictly contain; spans it contains are replaced.
 * Keeps the list sorted.
 */
export function place(spans: TagSpan[], span: TagSpan | undefined): TagSpan[] {
  if (!span) return spans;
  const overlapping = spans.filter(s => s.start < span.end && span.start < s.end);
  if (overlapping.some(s => s.start < span.start || s.end > span.end || (s.start === span.start && s.end === span.end))) return spans;
  const kept = spans.filter(s => !overlapping.includes(s));
  kept.push(span);
  return kept.sort((a, b) => a.start - b.start);
}

const TITLE = /《[^《》\r\n]{1,60}》/g;

/** Titles in 《》, brackets included (the usual convention of news annotators). */
export function titles(text: string): TagSpan[] {
  const out: TagSpan[] = [];
  for (const m of text.matchAll(TITLE)) out.push({ start: m.index!, end: m.index! + m[0].length, label: 'WORK' });
  return out;
}
