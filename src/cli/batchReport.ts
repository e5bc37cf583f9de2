/**
 * Progress and the final summary of a batch `analyze`: on a terminal one line rewritten in place (pages
 * done/total, pages/s, ETA); otherwise one line per page (for logs); `quiet` prints no progress. Failures
 * are always reported, and the summary always printed.
 */
import type { PageCounts } from '../node/pageDocument';

export type ProgressMode = 'tty' | 'lines' | 'quiet';

export class BatchReport {
  private done = 0;
  private analysed = 0;
  private skipped = 0;
  private chars = 0;
  private readonly labels = new Map<string, number>();
  readonly failures: Array<{ path: string; message: string }> = [];
  private lastDraw = 0;
  private readonly started: number;

  constructor(
    private readonly total: number,
    private readonly mode: ProgressMode,
    private readonly write: (s: string) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  page(path: string, target: string, counts: PageCounts, skipped: boolean): void {
    this.done++;
    if (skipped) this.skipped++;
    else this.analysed++;
    this.chars += counts.chars;
    for (const [l, n] of Object.entries(counts.labels)) this.labels.set(l, (this.labels.get(l) ?? 0) + n);
    if (this.mode === 'lines') this.write(`${skipped ? `${path}: unchanged, kept` : pageLine(path, counts)} -> ${target}\n`);
    this.progress();
  }

  failed(path: string, message: string): void {
    this.done++;
    this.failures.push({ path, message });
    this.clearLine();
    this.write(`biaozhu: ${message}\n`);
    this.progress();
  }

  /** `done/total pages, R pages/s, ETA m:ss`: the progress line's text. */
  progressText(): string {
    const seconds = (this.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const eta = rate > 0 ? clock((this.total - this.done) / rate) : '?';
    return `${this.done}/${this.total} pages, ${rate.toFixed(1)} pages/s, ETA ${eta}`;
  }

  /** The closing summary: pages, characters, annotations per label, failures with reasons, wall time. */
  summary(peakRssBytes?: number): string {
    this.clearLine();
    const seconds = (this.now() - this.started) / 1000;
    const perLabel = [...this.labels].map(([l, n]) => `${l} ${n}`).join(', ') || 'none';
    const lines = [
      `${this.done} page${this.done === 1 ? '' : 's'}: ${this.analysed} analysed, ${this.skipped} unchanged (kept), ${this.failures.length} failed`,
      `  ${this.chars} characters; annotations: ${perLabel}`,
      `  ${seconds.toFixed(1)} s wall time, ${rate(this.done, seconds, 1)} pages/s, ${rate(this.chars, seconds)} characters/s` +
        (peakRssBytes ? `, peak memory ${Math.round(peakRssBytes / 2 ** 20)} MB` : ''),
      ...this.failures.map(f => `  failed: ${f.message}`),
    ];
    return lines.join('\n') + '\n';
  }

  private progress(): void {
    if (this.mode !== 'tty') return;
    const t = this.now();
    if (t - this.lastDraw < 200 && this.done < this.total) return;
    this.lastDraw = t;
    this.write(`\r\x1b[K${this.progressText()}`);
  }

  private clearLine(): void {
    if (this.mode === 'tty') this.write('\r\x1b[K');
  }
}

/** The per-page line `PATH: N articles, M column breaks; LOC 3, NUMBER 5`. */
export function pageLine(path: string, c: PageCounts): string {
  const perLabel = Object.entries(c.labels).map(([l, n]) => `${l} ${n}`).join(', ') || 'no annotations';
  return `${path}: ${c.articles} articles, ${c.columnBreaks} column breaks; ${perLabel}`;
}

function rate(n: number, seconds: number, digits = 0): string {
  return seconds > 0 ? (n / seconds).toFixed(digits) : '—';
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return (h ? `${h}:${String(m).padStart(2, '0')}` : String(m)) + `:${String(r).padStart(2, '0')}`;
}
