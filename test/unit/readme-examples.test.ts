import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { repoRoot } from '../helpers/schema';

/** The README's command-line block, one command per line, comments dropped, single quotes honoured. */
function readmeCommands(): string[][] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Command line'));
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block.split('\n').map(l => l.replace(/\s+#.*$/, '').trim()).filter(Boolean)
    .map(l => [...l.matchAll(/'([^']*)'|(\S+)/g)].map(m => m[1] ?? m[2]));
}

describe('README command-line examples run as written from the repository root', function () {
  this.timeout(300_000);
  const commands = readmeCommands();

  it('finds the examples', () => {
    assert.ok(commands.length >= 5 && commands.every(c => c[0] === 'node' && c[1] === 'dist/cli.js'), JSON.stringify(commands));
  });

  it('runs every one of them, in order, with exit 0', () => {
    assert.ok(existsSync(join(repoRoot, 'dist', 'cli.js')), 'run `npm run build` first');
    // A stand-in for the repository root: the real dist/ and a copy of seeds/, so outputs never touch the checkout.
    const root = mkdtempSync(join(tmpdir(), 'biaozhu-readme-'));
    try {
      symlinkSync(join(repoRoot, 'dist'), join(root, 'dist'), 'junction');
      cpSync(join(repoRoot, 'seeds'), join(root, 'seeds'), { recursive: true });
      for (const [, ...args] of commands) {
        const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
        assert.equal(r.status, 0, `${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
      }
      assert.ok(existsSync(join(root, 'tmp', 'out.json')) && existsSync(join(root, 'tmp', 'merged.json')));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
