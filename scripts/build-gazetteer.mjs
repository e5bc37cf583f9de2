// Builds models/admin-divisions.txt.gz, the place gazetteer the entity rules use, from the national list of
// administrative divisions (2023 statistical codes; modood/Administrative-divisions-of-China, WTFPL), read from
// ../shared/bench/gazetteers/admin-divisions or $BIAOZHU_BENCH_DIR/gazetteers/admin-divisions.
//   node scripts/build-gazetteer.mjs
// Output, one division per line: `P|C|A <tab> code <tab> name` for provinces, prefecture-level cities and
// counties; `S <tab> code <tab> name <tab> village|village|…` for townships with their villages and
// communities (village codes are not kept: a chain check needs only which township a village is under).
// Village committee names are reduced to the place name (张庄村民委员会 → 张庄村, 银闸社区居委会 → 银闸社区).
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { gunzipSync, gzipSync } from 'zlib';
import { dirname, join } from 'path';
import { fileURLToPath } from 'url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(process.env.BIAOZHU_BENCH_DIR ?? join(root, '..', 'shared', 'bench'), 'gazetteers', 'admin-divisions');
if (!existsSync(join(src, 'streets.csv'))) {
  console.error(`build-gazetteer: ${src}/streets.csv is missing; set BIAOZHU_BENCH_DIR to the shared benchmark folder.`);
  process.exit(1);
}
const rows = text => text.split(/\r?\n/).slice(1).filter(Boolean).map(l => l.split(',').map(c => c.replace(/^"|"$/g, '')));
const read = f => rows(readFileSync(join(src, f), 'utf8'));
/** Placeholder names of the statistical list, not places. */
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

export function villageName(raw) {
  const n = raw.replace(/村?(村民委员会|村委会)$/, '村').replace(/社区居民委员会$|社区居委会$/, '社区').replace(/居民委员会$|居委会$/, '');
  return n.length >= 2 ? n : '';
}

const out = ['# Administrative divisions of the PRC, 2023 codes. Source: modood/Administrative-divisions-of-China (WTFPL). Built by scripts/build-gazetteer.mjs.'];
for (const [code, name] of read('provinces.csv')) out.push(`P\t${code}\t${name}`);
for (const [code, name] of read('cities.csv')) if (!PLACEHOLDER.test(name)) out.push(`C\t${code}\t${name}`);
for (const [code, name] of read('areas.csv')) if (!PLACEHOLDER.test(name)) out.push(`A\t${code}\t${name}`);
const villages = new Map();
for (const line of gunzipSync(readFileSync(join(src, 'villages.csv.gz'))).toString('utf8').split(/\r?\n/).slice(1)) {
  if (!line) continue;
  const [, raw, street] = line.split(',').map(c => c.replace(/^"|"$/g, ''));
  const name = villageName(raw);
  if (!name) continue;
  const list = villages.get(street) ?? new Set();
  list.add(name);
  villages.set(street, list);
}
for (const [code, name] of read('streets.csv')) out.push(`S\t${code}\t${name}\t${[...(villages.get(code) ?? [])].join('|')}`);
const buf = gzipSync(Buffer.from(out.join('\n') + '\n'), { level: 9 });
writeFileSync(join(root, 'models', 'admin-divisions.txt.gz'), buf);
console.log(`wrote models/admin-divisions.txt.gz: ${out.length - 1} divisions, ${buf.length} bytes`);
