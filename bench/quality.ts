/** `npm run bench:quality`: accuracy of every analyser against public or composed gold data. */
import { join } from 'path';
import { requireData, writeResult } from './data';
import { BenchSection, formatTable } from './section';
import * as entities from './entities';
import * as numbers from './numbers';
import * as articles from './articles';

const root = join(__dirname, '..', '..');

const sections: Array<{ evaluate(root: string): BenchSection[]; dataFiles?: readonly string[] }> = [entities, numbers, articles];
requireData(root, sections.flatMap(s => s.dataFiles ?? []));
const results: BenchSection[] = sections.flatMap(s => s.evaluate(root));
for (const r of results) console.log(formatTable(r) + '\n');
writeResult(root, 'quality', { date: new Date().toISOString(), sections: results.map(r => ({ title: r.title, headers: r.headers, rows: r.rows, data: r.data })) });
