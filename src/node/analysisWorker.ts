/**
 * Worker-thread entry (bundled to dist/worker.js): runs the core analysis off the extension host's event
 * loop. One request at a time. The host cancels a running request by writing its id into the shared `cancel`
 * cell (workerData); the analysis checks it between chunks and stops. The worker is never terminated from
 * outside: a thread killed inside nodejieba aborts the whole extension host. An `exit` message ends it
 * between requests. A `warm`
 * message loads jieba, the tag table and the tagger model ahead of the first page (the host sends it once
 * it is idle after activation), so the worker is ready when a page opens.
 * nodejieba is required from the extension folder (it is external to the bundle).
 * The annotations travel packed (src/core/packed.ts) with their buffers transferred: structured-cloning
 * tens of thousands of objects would stall the host's event loop while it receives them.
 */
import { parentPort, workerData } from 'worker_threads';
import { analyze } from '../core/analyze';
import { stripBlocks } from '../core/articles';
import { messageOf } from '../core/errors';
import { warmUp } from '../core/entities';
import { cutWord } from '../core/corpus/slips';
import { AnalysisStopped } from '../core/stop';
import { packAnnotations, transferables, type PackedAnnotations } from '../core/packed';
import type { Analysis, AnalyzeOptions } from '../core/types';

export interface AnalysisRequest {
  id: number;
  text: string;
  options: AnalyzeOptions;
}

/** An analysis whose annotations are packed against the request's text; articles come without their blocks. */
export type PackedAnalysis = Omit<Analysis, 'annotations'> & { annotations: PackedAnnotations };

/** `warm`: load everything the entity step needs now; `exit`: end between requests (never terminated from outside). */
export interface ControlRequest {
  type: 'warm' | 'exit';
}

/** Asks which dictionary word each span's boundary cuts (a manual tag that may be a slip, core/corpus/slips.ts). */
export interface CutWordsRequest {
  type: 'cutWords';
  id: number;
  /** Each span with a little text around it (`start`/`end` index into `text`). */
  items: Array<{ text: string; start: number; end: number }>;
}

/** What the host passes as workerData: a one-cell Int32Array; the id written there is cancelled. */
export interface AnalysisWorkerData {
  cancel: SharedArrayBuffer;
}

export type AnalysisReply =
  | { type: 'warm'; ms: number }
  | { id: number; type: 'started' }
  | { id: number; type: 'done'; analysis: PackedAnalysis; ms: number }
  | { id: number; type: 'failed'; message: string }
  | { id: number; type: 'cancelled' }
  | { id: number; type: 'cutWords'; words: Array<string | null> };

const port = parentPort;
if (port) {
  const cancel = new Int32Array((workerData as AnalysisWorkerData).cancel);
  port.on('message', (req: AnalysisRequest | ControlRequest | CutWordsRequest) => {
    if ('type' in req && req.type === 'exit') {
      process.exit(0);
    }
    if ('type' in req && req.type === 'cutWords') {
      let words: Array<string | null>;
      try {
        words = req.items.map(i => cutWord(i.text, i) ?? null);
      } catch {
        words = req.items.map(() => null); // no segmenter (a package without nodejieba): nothing is a slip
      }
      port.postMessage({ id: req.id, type: 'cutWords', words } satisfies AnalysisReply);
      return;
    }
    if ('type' in req) {
      port.postMessage({ type: 'warm', ms: warmUp() } satisfies AnalysisReply);
      return;
    }
    const reply = (r: AnalysisReply, transfer: ArrayBuffer[] = []): void => port.postMessage(r, transfer);
    reply({ id: req.id, type: 'started' });
    try {
      const started = Date.now();
      if (req.options.entities !== false) warmUp();
      const { annotations, articles, columnBreaks, relations } = analyze(req.text, req.options, () => Atomics.load(cancel, 0) === req.id);
      const packed = packAnnotations(req.text, annotations);
      // Article blocks stay here: the host does not keep them, and cloning them costs it as much as annotations.
      const analysis = { articles: stripBlocks(articles), columnBreaks, annotations: packed, ...(relations ? { relations } : {}) };
      reply({ id: req.id, type: 'done', analysis, ms: Date.now() - started }, transferables(packed));
    } catch (e) {
      if (e instanceof AnalysisStopped) reply({ id: req.id, type: 'cancelled' });
      else reply({ id: req.id, type: 'failed', message: messageOf(e) });
    }
  });
}
