import * as assert from 'assert';
import { existsSync, readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { divisionChains, isUnder, loadGazetteer, parseGazetteer } from '../../src/core/entities/gazetteer';
import { gazetteerPlaces } from '../../src/core/entities/divisions';
import { contextRules } from '../../src/core/entities/rules';
import { findEntities } from '../../src/core/entities';
import { tokens } from '../../src/core/jieba';
import type { TagSpan } from '../../src/core/entities/decode';

const root = join(__dirname, '..', '..', '..');

// A made-up gazetteer in the shipped file's format: county 100101 with townships 100101001 (and its villages) and 100101002.
const SMALL = [
  '# test',
  'P\t10\t东海省',
  'C\t1001\t青石市',
  'A\t100101\t白河县',
  'A\t100102\t黑山县',
  'S\t100101001\t柳林乡\t杏花村|桃园村',
  'S\t100101002\t河口镇\t渡口村',
  'S\t100102001\t石门镇\t杏花村',
].join('\n');

describe('entities: gazetteer', () => {
  const g = parseGazetteer(SMALL);

  it('indexes every level, a village under each township that has it', () => {
    assert.deepStrictEqual(g.lookup('白河县'), [{ level: 'A', code: '100101' }]);
    assert.deepStrictEqual(g.lookup('杏花村')!.map(d => d.code), ['100101001', '100102001']);
    assert.strictEqual(g.lookup('白河'), undefined);
  });

  it('nests codes: a village under its township and county, not under another county', () => {
    const [village] = g.lookup('渡口村')!;
    assert.ok(isUnder(village, g.lookup('河口镇')![0]));
    assert.ok(isUnder(village, g.lookup('白河县')![0]));
    assert.ok(!isUnder(village, g.lookup('黑山县')![0]));
  });

  it('chains names whose codes nest and cuts where they do not', () => {
    const text = '东海省青石市白河县柳林乡桃园村和黑山县柳林乡';
    const chains = divisionChains(g, text, 0, text.length).map(c => c.map(m => text.slice(m.start, m.end)).join('|'));
    assert.deepStrictEqual(chains, ['东海省|青石市|白河县|柳林乡|桃园村', '黑山县', '柳林乡']);
  });
});

describe('entities: places from the shipped gazetteer', () => {
  before(function () { if (!loadGazetteer()) this.skip(); });
  const run = (text: string, spans: TagSpan[] = []) => {
    const toks = tokens(text);
    return gazetteerPlaces(text, toks, spans, 0, text.length).map(s => `${s.label}:${text.slice(s.start, s.end)}`);
  };

  it('tags a checked chain one level at a time, replacing a tagger span inside it', () => {
    const text = '他来自湖北省宜昌市兴山县，在当地工作。';
    const at = text.indexOf('宜昌市兴山县');
    assert.deepStrictEqual(run(text, [{ start: at, end: at + 6, label: 'LOC' }]), ['LOC:湖北省', 'LOC:宜昌市', 'LOC:兴山县']);
  });

  it('makes a chain followed by an organisation one organisation', () => {
    const text = '湖北省宜昌市兴山县人民政府发布通知。';
    const at = text.indexOf('兴山县人民政府');
    assert.deepStrictEqual(run(text, [{ start: at, end: at + 7, label: 'ORG' }]), ['ORG:湖北省宜昌市兴山县人民政府']);
  });

  it('does not suggest a lone village name or a common word that happens to name a division', () => {
    assert.deepStrictEqual(run('要保障小城镇建设，推动郊区发展。'), []);
  });
});

describe('entities: organisation and person slips', () => {
  const rule = (text: string, word: string, label: string) => {
    const start = text.indexOf(word);
    return contextRules(text, tokens(text), [{ start, end: start + word.length, label }]).map(s => `${s.label}:${text.slice(s.start, s.end)}`);
  };

  it('drops generic groups with no proper name', () => {
    assert.deepStrictEqual(rule('驻村工作队帮助群众发展产业。', '驻村工作队', 'ORG'), []);
    assert.deepStrictEqual(rule('各乡镇党委要抓好落实。', '乡镇党委', 'ORG'), []);
    assert.deepStrictEqual(rule('帮扶工作队进村入户。', '帮扶工作队', 'ORG'), []);
  });

  it('keeps a named organisation ending in the same words', () => {
    assert.deepStrictEqual(rule('白水县农业农村局工作队进驻以来。', '白水县农业农村局工作队', 'ORG'), ['ORG:白水县农业农村局工作队']);
  });

  it('reads an office short name as an organisation, not a person', () => {
    assert.deepStrictEqual(rule('县扶贫办组织培训。', '扶贫办', 'PER'), ['ORG:扶贫办']);
    assert.deepStrictEqual(rule('省发改委批复了项目。', '发改委', 'PER'), ['ORG:发改委']);
  });

  it('suggests no person for a greeting or a verb', () => {
    const got = findEntities('谢谢您！我们一定能打赢这场攻坚战。').filter(e => e.label === 'PER');
    assert.deepStrictEqual(got, []);
  });
});

/** Han words of 2+ characters in the hand-written lexicons and rules of src/core/entities (comments left out). */
function handWrittenWords(): Set<string> {
  const dir = join(root, 'src', 'core', 'entities');
  const words = new Set<string>();
  for (const f of readdirSync(dir).filter(f => f.endsWith('.ts'))) {
    const code = readFileSync(join(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const m of code.matchAll(/[\u4e00-\u9fff·]{2,}/g)) words.add(m[0]);
    // Lists of single characters written as one string are not names; lists of words are split above by quotes.
  }
  return words;
}

describe('entities: no test or seed names in hand-written lexicons and rules', () => {
  const benchDir = process.env.BIAOZHU_BENCH_DIR ?? join(root, '..', 'shared', 'bench');
  const testBio = join(benchDir, 'ner-msra', 'test.bio');

  it('holds no person, place or organisation name of ner-msra/test.bio (institution types every county has excepted)', function () {
    if (!existsSync(testBio)) this.skip();
    const names = new Map<string, string>();
    let cur = '', label = '';
    const flush = () => { if (cur) names.set(cur, label); cur = ''; };
    for (const line of readFileSync(testBio, 'utf8').split(/\r?\n/)) {
      const m = /^(\S)\s+(\S+)$/.exec(line);
      if (!m || m[2] === 'O' || m[2].startsWith('B-')) flush();
      if (m && m[2] !== 'O') { cur += m[1]; label = m[2].slice(2); }
    }
    flush();
    const all = [...names.keys()];
    // A word that ends at least two other, longer gold names of test.bio (全国人大, 浙江省政协) is an institution type, not a name.
    const isType = (w: string) => all.filter(n => n.length > w.length && n.endsWith(w)).length >= 2;
    const leaked = [...handWrittenWords()].filter(w => names.has(w) && (names.get(w) === 'PER' || !isType(w)));
    assert.deepStrictEqual(leaked, []);
  });

  it('holds no name found on the seed pages', () => {
    const seeds = join(root, 'seeds');
    const words = handWrittenWords();
    for (const f of readdirSync(seeds).filter(f => f.endsWith('.txt'))) {
      const found = findEntities(readFileSync(join(seeds, f), 'utf8'), { works: false }).filter(e => e.label === 'PER' || e.text.length >= 3);
      const leaked = found.map(e => e.text).filter(t => words.has(t));
      assert.deepStrictEqual([...new Set(leaked)], [], f);
    }
  });
});
