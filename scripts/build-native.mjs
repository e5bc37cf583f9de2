// `npm run build:native` (also run by `npm install`): compiles native/jieba.cc, Biaozhu's binding of cppjieba
// (src/core/jieba.ts), with node-gyp, into native/build/Release/biaozhu_jieba.node. The headers and
// dictionaries come from nodejieba, so it runs after the dependencies are installed. npm passes node-gyp's
// path and its settings (such as `nodedir`, where the Node headers are, so nothing is downloaded).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const headers = join(root, 'node_modules', 'nodejieba', 'submodules', 'cppjieba', 'include', 'cppjieba', 'MixSegment.hpp');
if (!existsSync(headers)) {
  console.error(`build-native: cppjieba's headers are missing (${headers}); run \`npm install\` first.`);
  process.exit(1);
}
const gyp = process.env.npm_config_node_gyp;
if (!gyp || !existsSync(gyp)) {
  console.error('build-native: node-gyp not found; run this through npm (`npm run build:native`), which provides it.');
  process.exit(1);
}
const r = spawnSync(process.execPath, [gyp, 'rebuild', '--directory', join(root, 'native')], { stdio: 'inherit' });
process.exit(r.status ?? 1);
