import { Worker } from 'worker_threads';

/**
 * A worker thread that runs one task at a time (a request message, its reply). When the thread dies the
 * running task fails with the reason and the next task starts a fresh thread, so one bad page never stops
 * a batch.
 */
export class TaskWorker<T, R> {
  private worker?: Worker;
  private current?: { resolve(r: R): void; reject(e: Error): void };

  constructor(private readonly script: string, private readonly data: unknown) {}

  run(task: T): Promise<R> {
    if (this.current) throw new Error('TaskWorker runs one task at a time');
    const worker = (this.worker ??= this.start());
    return new Promise<R>((resolve, reject) => {
      this.current = { resolve, reject };
      worker.postMessage(task);
    });
  }

  async terminate(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }

  private start(): Worker {
    const w = new Worker(this.script, { workerData: this.data });
    const settle = (fn: (c: NonNullable<TaskWorker<T, R>['current']>) => void) => {
      const c = this.current;
      this.current = undefined;
      if (c) fn(c);
    };
    w.on('message', (r: R) => settle(c => c.resolve(r)));
    const died = (why: string) => {
      if (this.worker === w) this.worker = undefined;
      settle(c => c.reject(new Error(why)));
    };
    w.on('error', e => died(`the analysis worker stopped: ${e.message}`));
    w.on('exit', code => died(`the analysis worker exited (code ${code})`));
    return w;
  }
}

/**
 * Runs every task from `tasks` on `size` worker threads, each thread taking the next task as soon as it is
 * free, and calls (and awaits) `done` as each finishes (in completion order; a dead worker's task comes back
 * as an Error).
 * Only `size` tasks are ever in flight, so memory stays bounded however many tasks there are.
 */
export async function runPool<T, R>(
  script: string, data: unknown, size: number,
  tasks: AsyncIterator<T> | Iterator<T>,
  done: (task: T, result: R | Error) => void | Promise<void>,
): Promise<void> {
  const lanes = Array.from({ length: Math.max(1, size) }, () => new TaskWorker<T, R>(script, data));
  try {
    await Promise.all(lanes.map(async lane => {
      for (let next = await tasks.next(); !next.done; next = await tasks.next()) {
        const task = next.value;
        // A lane takes its next task only once `done` has finished with this one: results never pile up.
        await done(task, await lane.run(task).catch((e: Error) => e));
      }
    }));
  } finally {
    await Promise.all(lanes.map(l => l.terminate()));
  }
}
