/**
 * Worker-thread entry (bundled to dist/worker.js): runs the core analysis off the extension host's event
 * loop. One request at a time; the host cancels a running request by terminating this worker.
 * nodejieba is required from the extension folder (it is external to the bundle).
 */
import { parentPort } from 'worker_threads';
import { analyze } from '../core/analyze';
import { warmUp } from '../core/jieba';
import type { Analysis, AnalyzeOptions } from '../core/types';

export interface AnalysisRequest {
  id: number;
  text: string;
  options: AnalyzeOptions;
}

export type AnalysisReply =
  | { id: number; type: 'started' }
  | { id: number; type: 'done'; analysis: Analysis; ms: number }
  | { id: number; type: 'failed'; message: string };

const port = parentPort;
if (port) {
  port.on('message', (req: AnalysisRequest) => {
    const reply = (r: AnalysisReply): void => port.postMessage(r);
    reply({ id: req.id, type: 'started' });
    try {
      const started = Date.now();
      if (req.options.entities !== false) warmUp();
      const analysis = analyze(req.text, req.options);
      reply({ id: req.id, type: 'done', analysis, ms: Date.now() - started });
    } catch (e) {
      reply({ id: req.id, type: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  });
}
