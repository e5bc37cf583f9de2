/** Articles and column breaks against the composed pages and the seed page in bench/gold/articles (format: bench/gold/README.md). */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { findArticles } from '../src/core/articles';
import type { BenchSection } from './section';

interface GoldArticle {
  line: number;
  title: string;
  byline?: string;
  dateline?: string;
}
interface Gold {
  articles: GoldArticle[];
  columnBreaks: number[];
}

interface Counts {
  goldArticles: number;
  predArticles: number;
  matchedArticles: number;
  titles: number;
  bylines: number;
  datelines: number;
  goldBreaks: number;
  predBreaks: number;
  matchedBreaks: number;
}

export function evaluate(root: string): BenchSection[] {
  const dir = join(root, 'bench', 'gold', 'articles');
  const pages = readdirSync(dir).filter(f => f.endsWith('.gold.json')).map(f => f.slice(0, -'.gold.json'.length)).sort();
  const perPage = pages.map(name => ({
    name,
    ...score(readFileSync(join(dir, `${name}.txt`), 'utf8'), JSON.parse(readFileSync(join(dir, `${name}.gold.json`), 'utf8')) as Gold),
  }));
  const total = perPage.reduce((t, p) => {
    for (const k of Object.keys(t) as Array<keyof Counts>) t[k] += p.counts[k];
    return t;
  }, zero());
  const rows = [...perPage.map(p => row(p.name, p.counts)), row('overall', total)];
  return [{
    title: 'Articles and column breaks (composed pages + seed)',
    headers: ['page', 'articles gold/found', 'art P', 'art R', 'art F1', 'title acc', 'byline acc', 'dateline acc', 'breaks gold/found', 'brk P', 'brk R', 'brk F1'],
    rows,
    data: { pages: perPage.map(p => ({ page: p.name, ...p.counts, errors: p.errors })), overall: { ...total, ...metrics(total) } },
  }];
}

/** Counts for one page. An article matches when it starts on the gold line; a break when it cuts after the gold line. */
export function score(text: string, gold: Gold): { counts: Counts; errors: string[] } {
  const { articles, columnBreaks } = findArticles(text);
  const lineOf = lineIndex(text);
  const errors: string[] = [];
  const found = new Map(articles.map(a => [lineOf(a.start), a]));
  const c = zero();
  c.goldArticles = gold.articles.length;
  c.predArticles = articles.length;
  for (const g of gold.articles) {
    const a = found.get(g.line);
    if (!a) {
      errors.push(`missed article at line ${g.line} (${g.title})`);
      continue;
    }
    c.matchedArticles++;
    if (a.title === g.title) c.titles++; else errors.push(`line ${g.line}: title ${JSON.stringify(a.title)} != ${JSON.stringify(g.title)}`);
    if ((a.byline ?? '') === (g.byline ?? '')) c.bylines++; else errors.push(`line ${g.line}: byline ${JSON.stringify(a.byline)} != ${JSON.stringify(g.byline)}`);
    if ((a.dateline ?? '') === (g.dateline ?? '')) c.datelines++; else errors.push(`line ${g.line}: dateline ${JSON.stringify(a.dateline)} != ${JSON.stringify(g.dateline)}`);
  }
  const goldStarts = new Set(gold.articles.map(g => g.line));
  for (const line of found.keys()) if (!goldStarts.has(line)) errors.push(`spurious article at line ${line} (${found.get(line)!.title})`);
  const predBreaks = new Set(columnBreaks.map(b => lineOf(b.start)));
  c.goldBreaks = gold.columnBreaks.length;
  c.predBreaks = predBreaks.size;
  for (const line of gold.columnBreaks) if (predBreaks.has(line)) c.matchedBreaks++; else errors.push(`missed column break after line ${line}`);
  for (const line of predBreaks) if (!gold.columnBreaks.includes(line)) errors.push(`spurious column break after line ${line}`);
  return { counts: c, errors };
}

function row(name: string, c: Counts): Array<string | number> {
  const m = metrics(c);
  return [name, `${c.goldArticles}/${c.predArticles}`, m.articleP, m.articleR, m.articleF1, m.titleAcc, m.bylineAcc, m.datelineAcc,
    `${c.goldBreaks}/${c.predBreaks}`, m.breakP, m.breakR, m.breakF1];
}

function metrics(c: Counts) {
  const prf = (hit: number, pred: number, gold: number) => {
    const p = pred ? hit / pred : 1, r = gold ? hit / gold : 1;
    return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
  };
  const [articleP, articleR, articleF1] = prf(c.matchedArticles, c.predArticles, c.goldArticles);
  const [breakP, breakR, breakF1] = prf(c.matchedBreaks, c.predBreaks, c.goldBreaks);
  const acc = (n: number) => (c.goldArticles ? n / c.goldArticles : 1);
  return { articleP, articleR, articleF1, titleAcc: acc(c.titles), bylineAcc: acc(c.bylines), datelineAcc: acc(c.datelines), breakP, breakR, breakF1 };
}

/** 1-based line number of an offset; CRLF, LF and lone CR end lines, as in the analyser. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
  }
  return offset => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  };
}

function zero(): Counts {
  return { goldArticles: 0, predArticles: 0, matchedArticles: 0, titles: 0, bylines: 0, datelines: 0, goldBreaks: 0, predBreaks: 0, matchedBreaks: 0 };
}
