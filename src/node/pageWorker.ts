/**
 * Worker-thread entry of the command line's pool (bundled to dist/pageWorker.js): each thread loads jieba
 * and the model once, then analyses the pages it is sent. A `file` task reads the page, skips it when its
 * output is already up to date, and writes the output atomically itself, so the main thread only hands out
 * paths and counts; a `record` task (`--jsonl`) returns the document as one JSON line.
 */
import { readFileSync, statSync } from 'fs';
import { parentPort, workerData } from 'worker_threads';
import { sha256 } from '../core/document';
import type { AnnotationDocument } from '../core/types';
import { adoptModel, type Model } from '../core/entities/model';
import { writeFileAtomic } from './atomicWrite';
import { analyzeToDocument, countsOf, documentFile, type PageAnalysisOptions, type PageCounts } from './pageDocument';
import { readTextFile } from './readText';

/** `model`: the tagger model loaded by the thread that started the pool (loadModel, posted as shared memory), used instead of a copy per thread. */
export type PoolData = PageAnalysisOptions & { model?: Model };

/** `reuseSince`: an output holding the same sha256, written at or after this time (ms), is kept. */
export type FileTask = { kind: 'file'; path: string; out: string; reuseSince?: number };
export type RecordTask = { kind: 'record'; path: string; text: string };
export type PageTask = FileTask | RecordTask;

export type PageResult =
  | ({ ok: true; skipped: boolean; json?: string } & PageCounts)
  | { ok: false; message: string };

/** The counts of an output that already annotates exactly `sha` and was written since `since`, else undefined. */
function upToDate(out: string, sha: string, since: number): PageCounts | undefined {
  try {
    if (statSync(out).mtimeMs < since) return undefined;
    const doc = JSON.parse(readFileSync(out, 'utf8')) as AnnotationDocument;
    return doc.document?.sha256 === sha ? countsOf(doc) : undefined;
  } catch {
    return undefined; // missing or unreadable: analyse again
  }
}

export function runTask(task: PageTask, data: PoolData = {}): PageResult {
  try {
    if (task.kind === 'record') {
      const doc = analyzeToDocument(task.path, task.text, data);
      return { ok: true, skipped: false, json: JSON.stringify(doc), ...countsOf(doc) };
    }
    const text = readTextFile(task.path);
    if (task.reuseSince !== undefined) {
      const kept = upToDate(task.out, sha256(text), task.reuseSince);
      if (kept) return { ok: true, skipped: true, ...kept };
    }
    const doc = analyzeToDocument(task.path, text, data);
    // Not flushed one by one: a resumed run re-does an output a power cut left empty or torn (it no longer
    // parses or holds the page's sha256), so the per-file disk round trip would buy nothing.
    writeFileAtomic(task.out, documentFile(doc), { durable: false });
    return { ok: true, skipped: false, ...countsOf(doc) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, message: message.includes(task.path) ? message : `${task.path}: ${message}` };
  }
}

if (parentPort) {
  const port = parentPort;
  const data = (workerData ?? {}) as PoolData;
  if (data.model) adoptModel(data.model);
  port.on('message', (task: PageTask) => port.postMessage(runTask(task, data)));
}
