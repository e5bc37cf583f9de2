import { resolve } from 'path';
import { removeStaleTemps, writeFileAtomicAsync } from './atomicWrite';

export type Writer = (path: string, content: string) => Promise<void>;

interface Waiter {
  resolve(): void;
  reject(e: unknown): void;
}

interface Slot {
  running?: Promise<void>;
  /** The content to write next; every caller whose content it replaced waits on it too. */
  pending?: { content: string; waiters: Waiter[] };
}

/**
 * Serialised, coalescing writes per file. At most one write per path is in flight; writes requested
 * meanwhile collapse into one, carrying the last content (intermediate contents are never written). A
 * write's promise settles with the physical write that carried its content or a later one: it resolves
 * once content at least as new is on disk, and rejects with that write's error. Different paths are
 * written concurrently. Paths are compared after `path.resolve` (no case folding).
 */
export class WriteQueue {
  private readonly slots = new Map<string, Slot>();
  private readonly cleaned = new Set<string>();
  private readonly writer: Writer;
  private readonly cleanTemps: boolean;

  /** `writer` defaults to the atomic writer, which also removes temporaries left by killed writers. */
  constructor(writer?: Writer) {
    this.writer = writer ?? writeFileAtomicAsync;
    this.cleanTemps = writer === undefined;
  }

  write(path: string, content: string): Promise<void> {
    const key = resolve(path);
    let slot = this.slots.get(key);
    if (!slot) this.slots.set(key, (slot = {}));
    const s = slot;
    return new Promise<void>((resolve, reject) => {
      if (s.pending) s.pending.content = content;
      else s.pending = { content, waiters: [] };
      s.pending.waiters.push({ resolve, reject });
      if (!s.running) s.running = this.drain(key, s);
    });
  }

  /** Resolves when no write is queued or in flight for `path` (or for any path); never rejects. */
  async flush(path?: string): Promise<void> {
    for (;;) {
      const slots = path === undefined ? [...this.slots.values()] : [this.slots.get(resolve(path))];
      const running = slots.map(s => s?.running).filter((r): r is Promise<void> => r !== undefined);
      if (running.length === 0) return;
      await Promise.all(running);
    }
  }

  private async drain(key: string, slot: Slot): Promise<void> {
    await null; // let a synchronous burst of writes coalesce before the first one starts
    if (this.cleanTemps && !this.cleaned.has(key)) {
      this.cleaned.add(key);
      removeStaleTemps(key);
    }
    while (slot.pending) {
      const batch = slot.pending;
      slot.pending = undefined;
      try {
        await this.writer(key, batch.content);
        for (const w of batch.waiters) w.resolve();
      } catch (e) {
        for (const w of batch.waiters) w.reject(e);
      }
    }
    slot.running = undefined;
    this.slots.delete(key);
  }
}
