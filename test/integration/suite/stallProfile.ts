// With BIAOZHU_PROFILE_STALLS=1: a CPU profile of the extension host while a suite's work runs, and what the
// host's thread was doing during the longest stall (the window the caller measured), printed by function.
// Diagnosis only: no test asserts on it. The profile is written to test-output/profiles/ (git-ignored) for DevTools.
import { mkdirSync, writeFileSync } from 'fs';
import { Session } from 'inspector';
import { join } from 'path';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const post = <T>(s: Session, method: string, params?: object) =>
  new Promise<T>((resolve, reject) => s.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r as T))));

export const profiling = (): boolean => process.env.BIAOZHU_PROFILE_STALLS === '1';

/** The monotonic clock the profiler stamps its samples with (µs). */
export const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);

/**
 * Runs `work` under the sampling profiler (1 ms) when profiling is asked for, else just runs it. `window()`,
 * asked after the work, gives the stall to explain (µs on `nowUs`'s clock).
 */
export async function profiled(name: string, outDir: string, work: () => Promise<void>, window: () => { fromUs: number; toUs: number } | undefined): Promise<void> {
  if (!profiling()) return work();
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 1000 });
  await post(session, 'Profiler.start');
  let profile: Profile | undefined;
  try {
    await work();
  } finally {
    profile = (await post<{ profile: Profile }>(session, 'Profiler.stop')).profile;
    session.disconnect();
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, `${name}.cpuprofile`), JSON.stringify(profile));
  }
  const w = window();
  if (w) console.log(`[profile] ${name}: ${selfTimeIn(profile, w.fromUs, w.toUs)}`);
}

/** The functions sampled between `fromUs` and `toUs`, by self time. */
function selfTimeIn(p: Profile, fromUs: number, toUs: number): string {
  const byId = new Map(p.nodes.map(n => [n.id, n]));
  const self = new Map<string, number>();
  let t = p.startTime, samples = 0;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i];
    if (t < fromUs || t > toUs) continue;
    samples++;
    const f = byId.get(p.samples[i])!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i + 1] ?? 0) / 1000);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `\n    ${v.toFixed(1).padStart(7)} ms  ${k}`);
  return `the longest stall, ${((toUs - fromUs) / 1000).toFixed(0)} ms (${samples} samples); self time:${top.join('')}`;
}
