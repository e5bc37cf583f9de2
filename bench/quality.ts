/** `npm run bench:quality`: accuracy of every analyser against public or composed gold data. */
import { writeFileSync, mkdirSync } from 'fs';
import { join } from 'path';
import { BenchSection, formatTable } from './section';
import * as entities from './entities';
import * as numbers from './numbers';
import * as articles from './articles';
import * as calibration from './calibration';
import * as goldEntities from './goldEntities';

const root = join(__dirname, '..', '..');

const sections: Array<{ evaluate(root: string): BenchSection[] }> = [entities, goldEntities, calibration, numbers, articles];
const results: BenchSection[] = sections.flatMap(s => s.evaluate(root));
for (const r of results) console.log(formatTable(r) + '\n');
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'quality.json'), JSON.stringify(
  { date: new Date().toISOString(), sections: results.map(r => ({ title: r.title, headers: r.headers, rows: r.rows, data: r.data })) },
  null, 2) + '\n');
console.log('written bench/results/quality.json');
