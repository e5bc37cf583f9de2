/**
 * Cooperative cancellation of a long analysis. The caller passes a check that the analysis asks between
 * steps; it never interrupts native code (a thread terminated inside nodejieba aborts the whole process).
 */

/** True when the caller no longer wants the result. */
export type StopCheck = () => boolean;

/** Thrown by an analysis whose StopCheck said stop. */
export class AnalysisStopped extends Error {
  constructor() {
    super('analysis stopped');
    this.name = 'AnalysisStopped';
  }
}

/** Throws AnalysisStopped when `stop` says so. */
export function stopIf(stop: StopCheck | undefined): void {
  if (stop?.()) throw new AnalysisStopped();
}
