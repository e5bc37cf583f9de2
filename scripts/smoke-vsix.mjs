// `node scripts/smoke-vsix.mjs FILE.vsix [TARGET]`: unpacks a VSIX into a temporary folder outside the
// repository and runs its own command line on its own sample page, so the packed word segmenter (a native addon) must load
// on this machine (the release workflow runs it on each native runner). Checks the manifest's target too.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** The entries of a zip archive (stored or deflated), read through its central directory. */
function unzip(buf, into) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive');
  let at = buf.readUInt32LE(eocd + 16);
  for (let n = buf.readUInt16LE(eocd + 10); n > 0; n--) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const skip = nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const local = buf.readUInt32LE(at + 42);
    const data = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(data, data + size);
    if (!name.endsWith('/')) {
      if (name.split('/').includes('..')) throw new Error(`unsafe path in the archive: ${name}`);
      mkdirSync(dirname(join(into, name)), { recursive: true });
      writeFileSync(join(into, name), method === 8 ? inflateRawSync(raw) : raw);
    }
    at += 46 + skip;
  }
}

const [vsix, target] = process.argv.slice(2);
if (!vsix) {
  console.error('usage: node scripts/smoke-vsix.mjs FILE.vsix [TARGET]');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'biaozhu-smoke-'));
try {
  unzip(readFileSync(vsix), dir);
  const manifest = readFileSync(join(dir, 'extension.vsixmanifest'), 'utf8');
  const packed = /TargetPlatform="([^"]+)"/.exec(manifest)?.[1];
  if (target && packed !== target) throw new Error(`the VSIX is for ${packed ?? 'every platform'}, expected ${target}`);
  const ext = join(dir, 'extension');
  const page = readdirSync(join(ext, 'seeds')).find(f => f.endsWith('.txt'));
  const out = join(dir, 'out.json');
  const r = spawnSync(process.execPath, [join(ext, 'dist', 'cli.js'), 'analyze', join(ext, 'seeds', page), '-o', out], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the packed command line failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  const doc = JSON.parse(readFileSync(out, 'utf8'));
  const labels = new Set(doc.annotations.map(a => a.label));
  // PER/LOC/ORG need the tagger with jieba's words: proof that the native addon loaded here.
  if (!['PER', 'LOC', 'ORG', 'NUMBER'].every(l => labels.has(l))) throw new Error(`analysis found only ${[...labels]}`);
  console.log(`smoke test passed: ${vsix} (${packed}) on ${process.platform}-${process.arch}: ${`${r.stdout}${r.stderr}`.trim()}`);
} catch (e) {
  console.error(`smoke test FAILED: ${e.message}`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
