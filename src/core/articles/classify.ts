import { isPad, Line, splitLines } from './lines';

/**
 * What a line looks like on its own, before its neighbours are considered:
 * `headline` is any short line without sentence-final punctuation (a title, kicker, sub-title or sub-head).
 */
export type LineKind = 'furniture' | 'byline' | 'caption' | 'headline' | 'paragraph';

export interface ClassifiedLine extends Line {
  kind: LineKind;
  /** End of the dateline prefix (`本报X电(记者 …)`) when a paragraph opens with one. */
  datelineEnd?: number;
  /** Start of a photo credit run into the end of a paragraph (`…。  新华社记者 X 摄`). */
  creditStart?: number;
  /** The line stops on sentence-final punctuation (possibly inside closing quotes). */
  final: boolean;
  /** The line stops on a colon: it introduces what follows and is not cut. */
  colon: boolean;
}

/** Longest line still read as a headline; body lines of a column are longer or end a sentence. */
export const MAX_HEADLINE = 40;
/** Only this much of a line's start is examined by the prefix patterns. */
const PREFIX = 64;

const FINAL = new Set([...'。！？!?…；;．'].map(c => c.charCodeAt(0)));
const ASKS = new Set([...'！？!?'].map(c => c.charCodeAt(0)));
const CLOSERS = new Set([...'”’」』）)》〉】"\''].map(c => c.charCodeAt(0)));
const COLONS = new Set([...'：:'].map(c => c.charCodeAt(0)));
/**
 * Characters a headline never ends on but a line cut mid-phrase often does. Function words like 与/及/对
 * are left out: they also end common words (参与, 普及, 应对).
 */
const CONNECTORS = new Set([...'、，,（(《“‘的'].map(c => c.charCodeAt(0)));

const ROLE = '(?:本报|新华社|中新社|人民日报|特约|实习|首席|驻\\S{1,6})*(?:记者|通讯员|评论员|实习生|撰稿人|摄影|特派员)';
/** Bare names after a byline marker (`□ 周明川`); a longer phrase after `■` is a sub-head (`■ 人才留得住`). */
const NAMES = '[\\u4e00-\\u9fff·]{2,4}(?:\\s+[\\u4e00-\\u9fff·]{2,4})*';
/** One `name/role` or `role/name` credit (`孔令舟/文`, `图/潘静`). */
const SLASH_CREDIT = '(?:[\\u4e00-\\u9fff·]{2,8}\\s*[/／]\\s*(?:文|图|摄影|摄)|(?:文|图|摄影|摄)\\s*[/／]\\s*[\\u4e00-\\u9fff·]{2,8})';
/** A bracketed source credit closing a piece (`（县农技推广中心 供稿）`). */
const SOURCE_CREDIT = '[（(][^，。；！？,（）()]{2,30}?\\s*(?:供稿|整理|撰稿)[）)]$';
/**
 * A byline: a `□` marker before role words or names; role words (possibly bracketed, as in a closing
 * `（本报通讯员 X 参与采写）`), then names, nothing that reads as a sentence; `name/role` credits only; or a
 * bracketed source credit. `记者手记` and the like are column heads.
 */
const BYLINE = new RegExp(
  `^(?:[□■]\\s*(?:${ROLE}[^，。；！？,、]{0,30}|${NAMES})$|${SLASH_CREDIT}(?:\\s+${SLASH_CREDIT})*$|${SOURCE_CREDIT}|[（(]?(?:${ROLE}|图\\s*[/／]\\s*文|文\\s*[/／]\\s*图|文图|图文|撰文|文[:：]|图[:：])(?!手记|观察|调查|探访|走访|追踪|札记|视点)[^，。；！？,]{0,40}$)`);
/** A photo credit: a short line ending in 摄/摄影/供图, possibly in brackets (`（本报记者 … 摄）`). */
const CREDIT = /^[（(]?[^，。；！？,]{0,36}(?:\s|[\u4e00-\u9fff])(?:摄|摄影|供图|新华社发)[）)]?$/;
/**
 * A dateline opening a paragraph: `本报拉萨电(记者 …)`, `新华社北京5月20日电`, `本报讯（…）`, and the same
 * built on any paper or agency name (`X报讯`, `X网讯`, `X社X地X月X日电`, `X网X月X日电`), which must then be
 * set off by a space or a bracket (`接到报讯后`, `…社区1月5日电梯…` are sentences). An attribution inside a
 * report (`据外电报道`, `据…通讯社报道`) is not one.
 */
const DATELINE = new RegExp('^(?:(?:本报|新华社|中新社|中新网|人民网|新华网|央视网|央广网|据)[^\\s，。；（(]{0,14}?[电讯](?!报道|讯|社)' +
  '|(?:[\\u4e00-\\u9fff]{1,6}[报网台]讯|[\\u4e00-\\u9fff]{1,8}[社网台][\\u4e00-\\u9fff]{0,8}?' +
  '[0-9０-９一二三四五六七八九十]{1,3}月[0-9０-９一二三四五六七八九十]{1,3}日电)(?=[\\s\\u3000（(]))' +
  '(?:[\\s\\u3000]*[（(][^）)]{1,30}[）)])?');
/** A photo credit after the last sentence of a caption paragraph, set off by spaces. */
const TRAILING_CREDIT = /[。！？!?…”’」』）)][\s\u3000]+([^，。；！？,\s][^，。；！？,]{0,30}(?:摄|摄影|供图))$/;
const CAPTION = /^(?:图为|图片为|上图|下图|左图|右图|中图|图[①-⑩0-9０-９一二三四五六]|[（(]图)/;
/**
 * Page furniture: editors' credits, page and date lines, section labels (`文化·教育`), end and jump marks
 * (`（完）`, `（下转第二版）`, `（上接第一版）`).
 */
const FURNITURE = /^(?:[（(](?:全文完|完|未完待续|待续|(?:上接|下转|紧接|转|接|续)(?:第|本报)?\s*[0-9０-９一二三四五六七八九十A-Za-z]{1,4}\s*版)[）)]$|(?:本版)?(?:责任编辑|责编|编辑|美编|校对|版式设计|版式|组版|值班编辑)\s*[:：]|[^，。]*(?:星期[一二三四五六日天]|第\s*[0-9０-９一二三四五六七八九十]+\s*版)[^，。]*$|[\u4e00-\u9fff]{2,4}[·・•][\u4e00-\u9fff]{2,4}$)/;

/** The page's non-blank lines, classified. */
export function classifyLines(text: string): ClassifiedLine[] {
  return splitLines(text, line => classifyLine(text, line));
}

function classifyLine(text: string, line: Line): ClassifiedLine {
  const { textStart: s, textEnd: e } = line;
  const final = endsSentence(text, s, e);
  const colon = COLONS.has(text.charCodeAt(e - 1));
  const len = e - s;
  const head = text.slice(s, Math.min(e, s + PREFIX));
  const out = (kind: LineKind, datelineEnd?: number) => make(line, kind, final, colon, datelineEnd);
  if (len <= PREFIX) {
    if (FURNITURE.test(head)) return out('furniture');
    if (BYLINE.test(head) || CREDIT.test(head)) return out('byline');
  }
  if (CAPTION.test(head)) return out('caption');
  const d = DATELINE.exec(head);
  if (d && d[0].length < len) return out('paragraph', s + d[0].length);
  if (!final) {
    const credit = TRAILING_CREDIT.exec(text.slice(Math.max(s, e - PREFIX), e));
    if (credit) return withCredit(out('paragraph'), e - credit[1].length);
  }
  // A title may ask or exclaim (`钱从哪里来？`), but not inside quotes: that is quoted speech.
  const asks = final && ASKS.has(text.charCodeAt(e - 1));
  if ((!final || asks) && len <= MAX_HEADLINE && readsAsHeadline(text, s, e)) return out('headline');
  return out('paragraph');
}

/** Extends the line in place: one object per line, and no spread (which is slow enough to dominate the pass). */
function make(l: Line, kind: LineKind, final: boolean, colon: boolean, datelineEnd?: number): ClassifiedLine {
  const c = l as ClassifiedLine;
  c.kind = kind;
  c.final = final;
  c.colon = colon;
  if (datelineEnd !== undefined) c.datelineEnd = datelineEnd;
  return c;
}

function withCredit(c: ClassifiedLine, creditStart: number): ClassifiedLine {
  c.creditStart = creditStart;
  return c;
}

/** Sentence-final punctuation at the end, looking through closing quotes and brackets. */
export function endsSentence(text: string, s: number, e: number): boolean {
  let i = e - 1;
  while (i > s && CLOSERS.has(text.charCodeAt(i))) i--;
  return FINAL.has(text.charCodeAt(i));
}

export function endsOnConnector(text: string, e: number): boolean {
  return CONNECTORS.has(text.charCodeAt(e - 1));
}

/**
 * A short line without a full stop inside, not stopping mid-phrase. A comma is allowed only between two
 * balanced halves (`种下一棵树，收获一片绿`) or inside a quoted title: a comma plus an uneven tail is a
 * sentence cut by the layout.
 */
function readsAsHeadline(text: string, s: number, e: number): boolean {
  if (endsOnConnector(text, e)) return false;
  let comma = -1;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 || c === 0xff1b || c === 0x3b) return false; // 。；;
    if (c === 0xff0c || c === 0x2c) {
      if (comma >= 0) return false;
      comma = i;
    }
  }
  // Quoted words as a title (`“营商环境没有最好，只有更好”`) may hold a comma.
  if (comma < 0 || (text.charCodeAt(s) === 0x201c && text.charCodeAt(e - 1) === 0x201d)) return true;
  const left = comma - s, right = e - comma - 1;
  return left <= 12 && right <= 12 && Math.abs(left - right) <= 2;
}

/** The line's first code unit is indentation. */
export function isIndented(text: string, line: Line): boolean {
  return line.textStart > line.start && isPad(text.charCodeAt(line.start));
}
