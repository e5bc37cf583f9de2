import type { Article } from './types';

/**
 * Article labels (document classes per article, from `biaozhu.articleLabels`). They live on the article
 * objects (`articles[].labels` in the export contract); a re-analysis draws the articles afresh, so the
 * labels are carried over to the new articles (`carryArticleLabels`).
 */

/** The default article label set: common sections of a Chinese newspaper. */
export const DEFAULT_ARTICLE_LABELS: readonly string[] = ['时政', '经济', '社会', '文化', '体育', '国际', '评论', '图片新闻'];

/** Sets (replaces) the labels of article `id`; an empty list removes the field. Throws for an unknown id. */
export function setArticleLabels(articles: readonly Article[], id: string, labels: readonly string[]): Article[] {
  if (!articles.some(a => a.id === id)) throw new Error(`no article ${id}`);
  return articles.map(a => {
    if (a.id !== id) return a;
    const next: Article = { ...a };
    const unique = [...new Set(labels.filter(l => l.trim() !== ''))];
    if (unique.length) next.labels = unique; else delete next.labels;
    return next;
  });
}

const overlap = (a: Article, b: Article) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * Gives each fresh article the labels of the old article it mostly is: the old one overlapping it the
 * most, provided that overlap covers more than half of both (a split or merged article keeps none, rather
 * than a wrong class). `old` must be in the fresh articles' coordinates (tracked through edits).
 */
export function carryArticleLabels(old: readonly Article[], fresh: readonly Article[]): Article[] {
  const labelled = old.filter(a => a.labels?.length);
  if (labelled.length === 0) return [...fresh];
  return fresh.map(f => {
    let best: Article | undefined;
    let most = 0;
    for (const o of labelled) {
      const n = overlap(o, f);
      if (n > most) { best = o; most = n; }
    }
    if (!best || most * 2 <= f.end - f.start || most * 2 <= best.end - best.start) return f;
    return { ...f, labels: [...best.labels!] };
  });
}
