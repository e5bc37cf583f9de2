/**
 * `npm run bench:quality`: accuracy of every analyser against public or composed gold data.
 * `node dist/bench/quality.js articles` (or `numbers`, `entities`) runs only the named benches and replaces
 * only their sections in bench/results/quality.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { BenchSection, formatTable } from './section';
import * as entities from './entities';
import * as numbers from './numbers';
import * as articles from './articles';
import * as calibration from './calibration';
import * as goldEntities from './goldEntities';

const root = join(__dirname, '..', '..');
const out = join(root, 'bench', 'results', 'quality.json');

const benches: Record<string, { evaluate(root: string): BenchSection[] }> = { entities, goldEntities, calibration, numbers, articles };
const names = process.argv.slice(2);
const unknown = names.filter(n => !(n in benches));
if (unknown.length) {
  console.error(`unknown bench ${unknown.join(', ')}; one of ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
const results: BenchSection[] = (names.length ? names : Object.keys(benches)).flatMap(n => benches[n].evaluate(root));
for (const r of results) console.log(formatTable(r) + '\n');

type Stored = Pick<BenchSection, 'title' | 'headers' | 'rows' | 'data'>;
const fresh: Stored[] = results.map(r => ({ title: r.title, headers: r.headers, rows: r.rows, data: r.data }));
// A partial run keeps the other benches' stored sections, in their order.
const kept: Stored[] = names.length && existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as { sections: Stored[] }).sections : [];
const sections = kept.length ? kept.map(s => fresh.find(f => f.title === s.title) ?? s) : fresh;
for (const f of fresh) if (!sections.includes(f)) sections.push(f);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), sections }, null, 2) + '\n');
console.log('written bench/results/quality.json');
