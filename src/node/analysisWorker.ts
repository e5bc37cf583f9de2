/**
 * Worker-thread entry (bundled to dist/worker.js): runs the core analysis off the extension host's event
 * loop. One request at a time; the host cancels a running request by terminating this worker.
 * nodejieba is required from the extension folder (it is external to the bundle).
 * The annotations travel packed (src/core/packed.ts) with their buffers transferred: structured-cloning
 * tens of thousands of objects would stall the host's event loop while it receives them.
 */
import { parentPort } from 'worker_threads';
import { analyze } from '../core/analyze';
import { stripBlocks } from '../core/articles';
import { messageOf } from '../core/errors';
import { warmUp } from '../core/jieba';
import { packAnnotations, transferables, type PackedAnnotations } from '../core/packed';
import type { Analysis, AnalyzeOptions } from '../core/types';

export interface AnalysisRequest {
  id: number;
  text: string;
  options: AnalyzeOptions;
}

/** An analysis whose annotations are packed against the request's text; articles come without their blocks. */
export type PackedAnalysis = Omit<Analysis, 'annotations'> & { annotations: PackedAnnotations };

export type AnalysisReply =
  | { id: number; type: 'started' }
  | { id: number; type: 'done'; analysis: PackedAnalysis; ms: number }
  | { id: number; type: 'failed'; message: string };

const port = parentPort;
if (port) {
  port.on('message', (req: AnalysisRequest) => {
    const reply = (r: AnalysisReply, transfer: ArrayBuffer[] = []): void => port.postMessage(r, transfer);
    reply({ id: req.id, type: 'started' });
    try {
      const started = Date.now();
      if (req.options.entities !== false) warmUp();
      const { annotations, articles, columnBreaks } = analyze(req.text, req.options);
      const packed = packAnnotations(req.text, annotations);
      // Article blocks stay here: the host does not keep them, and cloning them costs it as much as annotations.
      const analysis = { articles: stripBlocks(articles), columnBreaks, annotations: packed };
      reply({ id: req.id, type: 'done', analysis, ms: Date.now() - started }, transferables(packed));
    } catch (e) {
      reply({ id: req.id, type: 'failed', message: messageOf(e) });
    }
  });
}
