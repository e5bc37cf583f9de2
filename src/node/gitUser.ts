import { execFile } from 'child_process';

/**
 * git's user.name for the repository holding the folder `dir`, when git and a name are configured; who a
 * review mark is by (the editor's *Mark Page…* and `biaozhu mark`). Asynchronous, so the extension host
 * never waits on a git process.
 */
export function gitUserName(dir: string): Promise<string | undefined> {
  return new Promise(resolve => {
    execFile('git', ['config', 'user.name'], { cwd: dir, encoding: 'utf8', timeout: 5000 }, (error, stdout) => {
      resolve((!error && stdout.trim()) || undefined);
    });
  });
}
