import type { Article, Block, BlockKind } from '../types';
import { ClassifiedLine, LineKind } from './classify';

/** A sub-head by its shape: numbered (`一、`, `（一）`, `1.`, `第一，`) or a `phrase——phrase` line. */
const SUBHEAD = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9０-９]+[、.．]|第[一二三四五六七八九十]+[，、：:]|\S.*——)/;
/** Lead-in lines (`——…综述`) are sub-titles. */
const LEAD_IN = /^(?:——|─|—)/;
/** A page name over the first article (`都市新闻`, `经济`): page furniture, not a kicker. */
const PAGE_NAME = /^\S{0,4}(?:新闻|要闻|综合|专版|副刊|周刊|时评|评论|国际|国内|体育|财经|经济|社会|民生|教育|文化|视点)$/;
/** Column heads of a round-up of briefs: always a new article, never a sub-head. */
const NEWS_ROUNDUP = /^(?:简讯|快讯|短讯|简报|新闻速递|新闻快递|要闻速览|图片新闻|一周要闻|动态|资讯)$/;
/** An installment number: `（3）`, `（上）`, `②`. */
const INSTALMENT = '[（(](?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}|[上中下])[）)]|[①-⑳]';
/** A series installment: the headline ends on its number (`…（3）`). */
const SERIES_NUMBER = new RegExp(`(?:${INSTALMENT})$`);
/** A series label over a title may also count in words (`走近非遗传承人之二`). */
const SERIES_LABEL = new RegExp(`(?:${INSTALMENT}|之[一二三四五六七八九十]{1,3})$`);
/** A photo credit (`… 摄`, `（… 摄）`). */
const CREDIT_END = /(?:摄|摄影|供图)[）)]?$/;
/** How far past a one-line headline to look for the photo that makes it a photo story's title. */
const PHOTO_WINDOW = 2;

interface Item {
  line: ClassifiedLine;
  kind: LineKind;
}

/** The article being built. */
interface Running {
  headlines: ClassifiedLine[];
  blocks: Block[];
  byline?: string;
  dateline?: string;
  /** Its last line so far is the photo credit that is its byline: a photo story or photo item is complete. */
  closedByCredit?: boolean;
  /** A brief of a round-up under a column head (`简讯`, `图片新闻`): each photo credit closes one. */
  roundup?: boolean;
  /** It has body text (a paragraph or caption), so a dateline now opens the next report. */
  hasBody?: boolean;
}

/**
 * Groups lines into articles. A run of headline lines starts an article when no article is running, when it
 * has several lines, or when a byline, a dateline or a photo follows it; otherwise it is a sub-head of the
 * running article. A report with no headline of its own starts at its dateline (a wire brief), and a photo
 * with none at its caption when it follows a brief or, in a round-up, the credit of the photo before. Lines
 * before the first article (page furniture) belong to none.
 */
export function segmentArticles(text: string, items: readonly Item[]): Article[] {
  const articles: Article[] = [];
  let current: Running | undefined;
  const open = (headlines: ClassifiedLine[], roundup: boolean) => {
    if (current) articles.push(toArticle(text, articles.length + 1, current));
    current = { headlines, blocks: [], roundup };
  };
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!current && isPageName(lineText(text, item.line))) continue;
    if (item.kind === 'headline') {
      let j = i;
      while (j + 1 < items.length && items[j + 1].kind === 'headline') j++;
      const group = items.slice(i, j + 1).map(x => x.line);
      if (!current || startsArticle(text, current, group, items, j + 1)) {
        open(group, group.some(l => NEWS_ROUNDUP.test(lineText(text, l))));
      } else {
        for (const l of group) current.blocks.push(block('subhead', l.textStart, l.textEnd));
      }
      i = j;
      continue;
    }
    const { line } = item;
    const dateline = item.kind === 'paragraph' && line.datelineEnd !== undefined;
    if (dateline ? !current || current.hasBody : current && item.kind !== 'byline' && startsPhotoItem(current, line)) {
      open([], current?.roundup ?? false);
    }
    if (!current) continue;
    const credit = item.kind === 'byline' && CREDIT_END.test(lineText(text, line));
    current.closedByCredit = (credit || line.creditStart !== undefined) && current.byline === undefined;
    if (item.kind === 'byline') {
      current.blocks.push(block('byline', line.textStart, line.textEnd));
      current.byline ??= text.slice(line.textStart, line.textEnd).replace(/^[□■]\s*/, '');
      continue;
    }
    current.hasBody = true;
    if (item.kind === 'caption') {
      current.blocks.push(block('caption', line.textStart, line.textEnd));
    } else if (dateline) {
      current.blocks.push(block('dateline', line.textStart, line.datelineEnd!));
      current.blocks.push(block('paragraph', skipSpace(text, line.datelineEnd!, line.textEnd), line.textEnd));
      current.dateline ??= text.slice(line.textStart, line.datelineEnd);
    } else if (line.creditStart !== undefined) {
      // A caption with its photo credit run in: the credit is the photo's byline.
      let end = line.creditStart;
      while (end > line.textStart && /\s/.test(text[end - 1])) end--;
      current.blocks.push(block('paragraph', line.textStart, end));
      current.blocks.push(block('byline', line.creditStart, line.textEnd));
      current.byline ??= text.slice(line.creditStart, line.textEnd);
    } else {
      current.blocks.push(block('paragraph', line.textStart, line.textEnd));
    }
  }
  if (current) articles.push(toArticle(text, articles.length + 1, current));
  return articles;
}

/** A page name over the first article; a round-up head (`图片新闻`) that looks like one opens its round-up. */
function isPageName(line: string): boolean {
  return PAGE_NAME.test(line) && !NEWS_ROUNDUP.test(line);
}

function skipSpace(text: string, p: number, end: number): number {
  while (p < end && /\s/.test(text[p])) p++;
  return p;
}

/** A report opened by a dateline, under one headline line at most and signed by no byline line: a brief. */
function isBrief(running: Running): boolean {
  return running.dateline !== undefined && running.byline === undefined && running.headlines.length <= 1;
}

/**
 * A photo with no title of its own: after the credit that closed the item before it in a round-up, or a
 * caption with its credit run in after a brief's text (a brief has no photos of its own).
 */
function startsPhotoItem(running: Running, line: ClassifiedLine): boolean {
  if (running.roundup && running.closedByCredit) return true;
  return line.creditStart !== undefined && running.hasBody === true && isBrief(running);
}

function startsArticle(text: string, running: Running, group: readonly ClassifiedLine[], items: readonly Item[], after: number): boolean {
  const next = items[after];
  if (!next) return group.length > 1;
  if (next.kind === 'byline' || next.kind === 'caption' || next.line.datelineEnd !== undefined) return true;
  if (group.every(l => SUBHEAD.test(lineText(text, l)))) return false;
  if (group.length > 1) return true;
  const only = lineText(text, group[0]);
  // A column head opens a round-up; an installment number (`…（2）`) marks a title, never a sub-head.
  if (NEWS_ROUNDUP.test(only) || SERIES_NUMBER.test(only)) return true;
  // A photo credit that signs a photo story closes it: what follows is a new article.
  if (running.closedByCredit) return true;
  // A brief has no sub-heads. (A report with a kicker or sub-title is a long one and may have them.)
  if (isBrief(running)) return true;
  // A one-line title over a paragraph is a sub-head, unless a photo (caption or credit) follows closely:
  // then it is the title of a photo story.
  for (let k = after; k < Math.min(items.length, after + PHOTO_WINDOW); k++) {
    const kind = items[k].kind;
    if (kind === 'headline') break;
    if (kind === 'caption' || (kind === 'byline' && CREDIT_END.test(lineText(text, items[k].line)))) return true;
  }
  return false;
}

function toArticle(text: string, n: number, { headlines, blocks: body, byline, dateline }: Running): Article {
  const lines = headlines.map(l => lineText(text, l));
  const kinds = headlineKinds(lines);
  const blocks = [...headlines.map((l, k) => block(kinds[k], l.textStart, l.textEnd)), ...body];
  const titles = lines.filter((_, k) => kinds[k] === 'title');
  return {
    id: `article-${n}`,
    start: blocks[0].start,
    end: blocks[blocks.length - 1].end,
    title: titles.join(' '),
    titleLines: lines,
    ...(byline !== undefined ? { byline } : {}),
    ...(dateline !== undefined ? { dateline } : {}),
    blocks,
  };
}

/**
 * Roles of the headline lines. Lead-ins (`——…`) are sub-titles. Among the others the first is the main
 * title unless it reads as a kicker (引题): spaced parallel phrases (`稳就业 促增收`), a trailing colon or
 * dash, a short column label over a much longer line, a round-up head (`新闻速递`) or a numbered series
 * label (`乡村振兴一线见闻（3）`, `走近非遗传承人之二`) over a title. Two short lines of equal length form one
 * couplet title (`情暖乡村` / `爱心助学`).
 */
export function headlineKinds(lines: readonly string[]): BlockKind[] {
  const kinds: BlockKind[] = lines.map(l => (LEAD_IN.test(l) ? 'subtitle' : 'paragraph'));
  const main = lines.map((_, k) => k).filter(k => kinds[k] !== 'subtitle');
  if (main.length === 0) {
    if (lines.length) kinds[0] = 'title';
    return kinds;
  }
  const [a, b] = [lines[main[0]], main.length > 1 ? lines[main[1]] : undefined];
  const couplet = b !== undefined && main.length === 2 && a.length === b.length && a.length <= 8 && !/\s/.test(a + b);
  const kicker = b !== undefined && !couplet &&
    (/\S\s+\S/.test(a) && !/\S\s+\S/.test(b) || /[：:]$|——$/.test(a) || (a.length <= 4 && b.length >= 2 * a.length) ||
      NEWS_ROUNDUP.test(a) || (SERIES_LABEL.test(a) && !SERIES_LABEL.test(b)));
  main.forEach((k, m) => {
    kinds[k] = couplet ? 'title' : kicker ? (m === 0 ? 'kicker' : m === 1 ? 'title' : 'subtitle') : (m === 0 ? 'title' : 'subtitle');
  });
  return kinds;
}

function lineText(text: string, l: ClassifiedLine): string {
  return text.slice(l.textStart, l.textEnd);
}

function block(kind: BlockKind, start: number, end: number): Block {
  return { kind, start, end };
}
