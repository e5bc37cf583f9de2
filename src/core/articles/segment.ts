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
  /** Its last line so far is a photo credit. */
  closedByCredit?: boolean;
}

/**
 * Groups lines into articles. A run of headline lines starts an article when no article is running, when it
 * has several lines, or when a byline, a dateline or a photo follows it; otherwise it is a sub-head of the
 * running article. Lines before the first article (page furniture) belong to none.
 */
export function segmentArticles(text: string, items: readonly Item[]): Article[] {
  const articles: Article[] = [];
  let current: Running | undefined;
  const close = () => {
    if (current) articles.push(toArticle(text, articles.length + 1, current));
  };
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!current && PAGE_NAME.test(lineText(text, item.line))) continue;
    if (item.kind === 'headline') {
      let j = i;
      while (j + 1 < items.length && items[j + 1].kind === 'headline') j++;
      const group = items.slice(i, j + 1).map(x => x.line);
      if (!current || startsArticle(text, current, group, items, j + 1)) {
        close();
        current = { headlines: group, blocks: [] };
      } else {
        for (const l of group) current.blocks.push(block('subhead', l.textStart, l.textEnd));
      }
      i = j;
      continue;
    }
    if (!current) continue;
    const { line } = item;
    current.closedByCredit = item.kind === 'byline' && CREDIT_END.test(lineText(text, line));
    if (item.kind === 'byline') {
      current.blocks.push(block('byline', line.textStart, line.textEnd));
      current.byline ??= text.slice(line.textStart, line.textEnd).replace(/^[□■]\s*/, '');
    } else if (item.kind === 'caption') {
      current.blocks.push(block('caption', line.textStart, line.textEnd));
    } else if (line.datelineEnd !== undefined && item.kind === 'paragraph') {
      current.blocks.push(block('dateline', line.textStart, line.datelineEnd));
      let p = line.datelineEnd;
      while (p < line.textEnd && /\s/.test(text[p])) p++;
      current.blocks.push(block('paragraph', p, line.textEnd));
      current.dateline ??= text.slice(line.textStart, line.datelineEnd);
    } else {
      current.blocks.push(block('paragraph', line.textStart, line.textEnd));
    }
  }
  close();
  return articles;
}

function startsArticle(text: string, running: Running, group: readonly ClassifiedLine[], items: readonly Item[], after: number): boolean {
  const next = items[after];
  if (!next) return group.length > 1;
  if (next.kind === 'byline' || next.kind === 'caption' || next.line.datelineEnd !== undefined) return true;
  if (group.every(l => SUBHEAD.test(lineText(text, l)))) return false;
  if (group.length === 1 && NEWS_ROUNDUP.test(lineText(text, group[0]))) return true;
  if (group.length > 1) return true;
  // A photo credit closes a photo story: what follows is a new article.
  if (running.closedByCredit) return true;
  // A news report opened by a dateline and signed by no byline line is a brief: it has no sub-heads.
  if (running.dateline !== undefined && running.byline === undefined) return true;
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
    start: headlines[0].textStart,
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
 * dash, or a short column label over a much longer line. Two short lines of equal length form one
 * couplet title (`情暖乡村` / `爱心助学`).
 */
export function headlineKinds(lines: readonly string[]): BlockKind[] {
  const kinds: BlockKind[] = lines.map(l => (LEAD_IN.test(l) ? 'subtitle' : 'paragraph'));
  const main = lines.map((_, k) => k).filter(k => kinds[k] !== 'subtitle');
  if (main.length === 0) {
    kinds[0] = 'title';
    return kinds;
  }
  const [a, b] = [lines[main[0]], main.length > 1 ? lines[main[1]] : undefined];
  const couplet = b !== undefined && main.length === 2 && a.length === b.length && a.length <= 8 && !/\s/.test(a + b);
  const kicker = b !== undefined && !couplet &&
    (/\S\s+\S/.test(a) && !/\S\s+\S/.test(b) || /[：:]$|——$/.test(a) || (a.length <= 4 && b.length >= 2 * a.length));
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
