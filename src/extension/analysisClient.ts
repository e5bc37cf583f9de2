/**
 * Runs core analyses in a worker thread (dist/worker.js), one at a time. Cancelling the running request
 * rejects it at once and asks the worker, through a shared cell, to stop between chunks; the next request
 * starts when the worker has let go of the cancelled one. The worker is never terminated: a thread killed
 * inside nodejieba aborts the whole extension host (seen as SIGABRT, "terminate called after throwing an
 * instance of 'Napi::Error'"). A queued request is simply dropped.
 * Results arrive packed and are unpacked a slice at a time, yielding the event loop between slices.
 * `warm()` loads the analyser ahead of the first page.
 */
import * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import { slipContext } from '../core/corpus/slips';
import { unpackAnnotations } from '../core/packed';
import type { Analysis, AnalyzeOptions, Annotation } from '../core/types';
import type { AnalysisReply, AnalysisRequest, AnalysisWorkerData, CutWordsRequest, PackedAnalysis, ControlRequest } from '../node/analysisWorker';
import type { Span } from '../core/types';
import { nextTurn } from './util/turn';

/** Annotations rebuilt per event-loop turn (about 10 ms of work). */
const UNPACK_SLICE = 5000;
/** Until a run has been timed, analysis speed is assumed to be this many characters per millisecond. */
const DEFAULT_CHARS_PER_MS = 100;
const PROGRESS_EVERY_MS = 500;

/** Called with an estimated percentage done (0–99) while a request runs. */
export type ProgressSink = (percent: number) => void;

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

interface Job {
  request: AnalysisRequest;
  progress?: ProgressSink;
  resolve(a: Analysis): void;
  reject(e: Error): void;
}

export class AnalysisClient implements vscode.Disposable {
  private worker?: Worker;
  private running?: Job;
  private readonly queue: Job[] = [];
  private nextId = 1;
  /** Measured speed of the last run, for the progress estimate (core analysis reports no progress itself). */
  private charsPerMs = DEFAULT_CHARS_PER_MS;
  private progressTimer?: ReturnType<typeof setInterval>;
  /** The worker has loaded jieba and the tagger (a warm-up or an analysis with entities finished). */
  private _ready = false;
  /** The id of a cancelled request the worker is still winding down; nothing new starts before it replies. */
  private draining?: number;
  /** cutWords() calls waiting for the worker, by request id. */
  private readonly lookups = new Map<number, { resolve(words: Array<string | undefined>): void; reject(e: Error): void }>();
  /** Shared with the worker: the id of the request it should stop. */
  private readonly cancelCell = new Int32Array(new SharedArrayBuffer(4));

  constructor(private readonly workerPath: string, private readonly log: vscode.LogOutputChannel) {}

  /** True once entities come back without the one-time load (1–2 s on an idle machine). */
  get ready(): boolean {
    return this._ready;
  }

  /** Starts the worker and has it load jieba, the tag table and the model, unless it has already. */
  warm(): void {
    if (this.worker) return;
    this.ensureWorker().postMessage({ type: 'warm' } satisfies ControlRequest);
  }

  /**
   * For each span of `text`, the dictionary word one of its boundaries cuts, or undefined (see
   * core/corpus/slips.ts). Runs in the worker, after the analysis in progress: jieba stays off the host.
   */
  cutWords(text: string, spans: readonly Span[]): Promise<Array<string | undefined>> {
    const items = spans.map(s => slipContext(text, s));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.lookups.set(id, { resolve, reject });
      this.ensureWorker().postMessage({ type: 'cutWords', id, items } satisfies CutWordsRequest);
    });
  }

  run(text: string, options: AnalyzeOptions, token?: vscode.CancellationToken, progress?: ProgressSink): Promise<Analysis> {
    if (token?.isCancellationRequested) return Promise.reject(new CancelledError());
    return new Promise<Analysis>((resolve, reject) => {
      const job: Job = { request: { id: this.nextId++, text, options }, progress, resolve, reject };
      const sub = token?.onCancellationRequested(() => this.cancel(job));
      const settle = <T>(f: (v: T) => void) => (v: T) => { sub?.dispose(); f(v); };
      job.resolve = settle(resolve);
      job.reject = settle(reject);
      this.queue.push(job);
      this.pump();
    });
  }

  private cancel(job: Job): void {
    const at = this.queue.indexOf(job);
    if (at >= 0) {
      this.queue.splice(at, 1);
    } else if (this.running === job) {
      this.stopProgress();
      this.running = undefined;
      this.draining = job.request.id;
      Atomics.store(this.cancelCell, 0, job.request.id);
    } else {
      return;
    }
    job.reject(new CancelledError());
    this.pump();
  }

  private pump(): void {
    if (this.running || this.draining !== undefined || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.running = job;
    this.ensureWorker().postMessage(job.request);
    this.startProgress(job);
  }

  /** Reports elapsed time against the expected duration, capped below 100 until the result is in. */
  private startProgress(job: Job): void {
    this.stopProgress();
    if (!job.progress) return;
    const started = Date.now();
    const expectedMs = Math.max(1, job.request.text.length / this.charsPerMs);
    this.progressTimer = setInterval(() => {
      if (this.running !== job) return this.stopProgress();
      job.progress!(Math.min(99, Math.floor((100 * (Date.now() - started)) / expectedMs)));
    }, PROGRESS_EVERY_MS);
  }

  private stopProgress(): void {
    if (this.progressTimer) clearInterval(this.progressTimer);
    this.progressTimer = undefined;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath, { workerData: { cancel: this.cancelCell.buffer as SharedArrayBuffer } satisfies AnalysisWorkerData });
    worker.on('message', (reply: AnalysisReply) => this.onReply(reply));
    worker.on('error', e => this.onCrash(worker, e));
    worker.on('exit', code => { if (code !== 0) this.onCrash(worker, new Error(`analysis worker exited with code ${code}`)); });
    this.worker = worker;
    return worker;
  }

  private onReply(reply: AnalysisReply): void {
    if (reply.type === 'warm') {
      this._ready = true;
      this.log.info(`analysis worker warmed up in ${reply.ms} ms`);
      return;
    }
    if (reply.type === 'started') return;
    if (reply.type === 'cutWords') {
      this.lookups.get(reply.id)?.resolve(reply.words.map(w => w ?? undefined));
      this.lookups.delete(reply.id);
      return;
    }
    if (reply.id === this.draining) {
      this.draining = undefined;
      this.pump();
      return;
    }
    const job = this.running;
    if (!job || job.request.id !== reply.id) return;
    this.running = undefined;
    this.stopProgress();
    if (reply.type === 'done') {
      const chars = job.request.text.length;
      this.log.info(`analysis #${reply.id}: ${chars} chars in ${reply.ms} ms`);
      if (chars > 100_000 && reply.ms > 0) this.charsPerMs = chars / reply.ms;
      if (job.request.options.entities !== false) this._ready = true;
      void unpack(job.request.text, reply.analysis).then(job.resolve, job.reject);
    } else {
      job.reject(reply.type === 'cancelled' ? new CancelledError() : new Error(reply.message));
    }
    this.pump();
  }

  private onCrash(worker: Worker, e: Error): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    this._ready = false;
    this.log.error(`analysis worker: ${e.message}`);
    for (const l of this.lookups.values()) l.reject(e);
    this.lookups.clear();
    const job = this.running;
    this.running = undefined;
    this.draining = undefined;
    this.stopProgress();
    job?.reject(e);
    this.pump();
  }

  dispose(): void {
    this.stopProgress();
    for (const job of this.queue.splice(0)) job.reject(new CancelledError());
    for (const l of this.lookups.values()) l.reject(new CancelledError());
    this.lookups.clear();
    if (this.running) Atomics.store(this.cancelCell, 0, this.running.request.id);
    this.running?.reject(new CancelledError());
    this.running = undefined;
    // Ends between requests, never inside native code (see the top of this file).
    this.worker?.postMessage({ type: 'exit' } satisfies ControlRequest);
    this.worker?.unref();
    this.worker = undefined;
  }
}

async function unpack(text: string, packed: PackedAnalysis): Promise<Analysis> {
  const p = packed.annotations;
  let annotations: Annotation[] = [];
  for (let from = 0; from < p.count; from += UNPACK_SLICE) {
    if (from > 0) await nextTurn();
    const slice = unpackAnnotations(text, p, from, Math.min(p.count, from + UNPACK_SLICE));
    annotations = from === 0 ? slice : annotations.concat(slice);
  }
  return { ...packed, annotations };
}
