/**
 * Runs core analyses in a worker thread (dist/worker.js), one at a time. Cancelling the running request
 * terminates the worker (a new one starts for the next request); a queued request is simply dropped.
 */
import * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import type { Analysis, AnalyzeOptions } from '../core/types';
import type { AnalysisReply, AnalysisRequest } from '../node/analysisWorker';

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

interface Job {
  request: AnalysisRequest;
  resolve(a: Analysis): void;
  reject(e: Error): void;
}

export class AnalysisClient implements vscode.Disposable {
  private worker?: Worker;
  private running?: Job;
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(private readonly workerPath: string, private readonly log: vscode.LogOutputChannel) {}

  run(text: string, options: AnalyzeOptions, token?: vscode.CancellationToken): Promise<Analysis> {
    if (token?.isCancellationRequested) return Promise.reject(new CancelledError());
    return new Promise<Analysis>((resolve, reject) => {
      const job: Job = { request: { id: this.nextId++, text, options }, resolve, reject };
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
      this.running = undefined;
      void this.worker?.terminate();
      this.worker = undefined;
    } else {
      return;
    }
    job.reject(new CancelledError());
    this.pump();
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.running = job;
    this.ensureWorker().postMessage(job.request);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath);
    worker.on('message', (reply: AnalysisReply) => this.onReply(reply));
    worker.on('error', e => this.onCrash(worker, e));
    worker.on('exit', code => { if (code !== 0) this.onCrash(worker, new Error(`analysis worker exited with code ${code}`)); });
    this.worker = worker;
    return worker;
  }

  private onReply(reply: AnalysisReply): void {
    const job = this.running;
    if (!job || job.request.id !== reply.id || reply.type === 'started') return;
    this.running = undefined;
    if (reply.type === 'done') {
      this.log.info(`analysis #${reply.id}: ${job.request.text.length} chars in ${reply.ms} ms`);
      job.resolve(reply.analysis);
    } else {
      job.reject(new Error(reply.message));
    }
    this.pump();
  }

  private onCrash(worker: Worker, e: Error): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    this.log.error(`analysis worker: ${e.message}`);
    const job = this.running;
    this.running = undefined;
    job?.reject(e);
    this.pump();
  }

  dispose(): void {
    for (const job of this.queue.splice(0)) job.reject(new CancelledError());
    this.running?.reject(new CancelledError());
    this.running = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
