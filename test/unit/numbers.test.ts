import * as assert from 'assert';
import fc from 'fast-check';
import { findNumbers } from '../../src/core/numbers';
import type { Approx, NumberKind } from '../../src/core/types';

/** [text of the mention, value, unit, approx, kind] */
type Expect = [string, number, string | undefined, Approx | undefined, NumberKind];

function found(text: string): Expect[] {
  return findNumbers(text).map(m => [m.text, m.value, m.unit, m.approx, m.kind]);
}

function check(text: string, expected: Expect[]): void {
  const got = found(text);
  assert.strictEqual(got.length, expected.length, `${text}: ${JSON.stringify(got)}`);
  got.forEach((g, i) => {
    const e = expected[i];
    assert.strictEqual(g[0], e[0], `${text}: ${JSON.stringify(got)}`);
    assert.ok(Math.abs(g[1] - e[1]) < 1e-9 * Math.max(1, Math.abs(e[1])), `${e[0]}: value ${g[1]} != ${e[1]}`);
    assert.deepStrictEqual(g.slice(2), e.slice(2), `${e[0]}: ${JSON.stringify(g)}`);
  });
}

describe('number recogniser', () => {
  const cases: Array<[string, string, Expect[]]> = [
    ['reads Arabic counts with approximation and a compound unit', '全县共组织培训9000余学时，开展活动223场次。',
      [['9000余学时', 9000, '学时', '>', 'duration'], ['223场次', 223, '场次', undefined, 'cardinal']]],
    ['applies 万 to a decimal and keeps 余 as more-than', '受益群众达1.52万余人次。', [['1.52万余人次', 15200, '人次', '>', 'cardinal']]],
    ['normalises money in 万元 to yuan', '共发放补贴资金58万元。', [['58万元', 580000, '元', undefined, 'money']]],
    ['reads foreign currency with 亿', '双边贸易额达1.2亿美元。', [['1.2亿美元', 120000000, '美元', undefined, 'money']]],
    ['reads currency signs', '门票￥300，约合$45。', [['￥300', 300, '元', undefined, 'money'], ['$45', 45, '美元', undefined, 'money']]],
    ['reads ordinals with 第 and a measure word', '该村入选第九批示范名单，获得第1名。',
      [['第九批', 9, '批', undefined, 'ordinal'], ['第1名', 1, '名', undefined, 'ordinal']]],
    ['reads school grades as ordinals', '三年级学生参加了比赛。', [['三年级', 3, '年级', undefined, 'ordinal']]],
    ['reads a full date as YYYYMMDD', '截至2020年12月1日，', [['2020年12月1日', 20201201, '日', undefined, 'date']]],
    ['reads a year alone as the year', '2019年，该县脱贫。', [['2019年', 2019, '年', undefined, 'date']]],
    ['reads month and day without a year', '本报讯 12月3日，', [['12月3日', 1203, '日', undefined, 'date']]],
    ['reads a Chinese year digit by digit', '二〇二〇年', [['二〇二〇年', 2020, '年', undefined, 'date']]],
    ['reads a clock time as hhmm', '下午三点半召开会议，晚8时30分结束。',
      [['三点半', 330, '分', undefined, 'date'], ['8时30分', 830, '分', undefined, 'date']]],
    ['keeps counts of years as durations', '他在村里工作了三年多。', [['三年多', 3, '年', '>', 'duration']]],
    ['reads half units', '历时两个半小时，行程一年半。', [['两个半小时', 2.5, '个小时', undefined, 'duration'], ['一年半', 1.5, '年', undefined, 'duration']]],
    ['reads Arabic percentages, full-width too', '增长6.5%，占比３０％。', [['6.5%', 6.5, '%', undefined, 'percent'], ['３０％', 30, '%', undefined, 'percent']]],
    ['reads 百分之 percentages', '贫困发生率降至百分之三点五。', [['百分之三点五', 3.5, '%', undefined, 'percent']]],
    ['keeps percentage points apart from percent', '比上年提高0.3个百分点。', [['0.3个百分点', 0.3, '百分点', undefined, 'percent']]],
    ['reads 成 and 折 as percent', '七成以上的商品打八折。', [['七成以上', 70, '%', '>', 'percent'], ['八折', 80, '%', undefined, 'percent']]],
    ['reads fractions as rates', '三分之一的农户和1/4的耕地', [['三分之一', 1 / 3, undefined, undefined, 'rate'], ['1/4', 0.25, undefined, undefined, 'rate']]],
    ['reads per-unit prices', '收购价每斤涨到5元/斤。', [['5元/斤', 5, '元/斤', undefined, 'money']]],
    ['reads prefix approximation words', '约300人参加，将近两千名群众观看。',
      [['约300人', 300, '人', '~', 'cardinal'], ['将近两千名', 2000, '名', '<', 'cardinal']]],
    ['reads suffix approximation words', '年收入5万元左右，60岁以上，用时一年不到',
      [['5万元左右', 50000, '元', '~', 'money'], ['60岁以上', 60, '岁', '>', 'duration'], ['一年不到', 1, '年', '<', 'duration']]],
    ['does not read 近 as nearly in 近三年来 (over the last three years)', '近三年来，', [['三年', 3, '年', undefined, 'duration']]],
    ['does not take 纽约 for 约 (about)', '本报纽约3月5日电', [['3月5日', 305, '日', undefined, 'date']]],
    ['reads middle-dot decimals of older typesetting but not month·day event names', '比重达41·4％，9·11事件',
      [['41·4％', 41.4, '%', undefined, 'percent'], ['9', 9, undefined, undefined, 'cardinal'], ['11', 11, undefined, undefined, 'cardinal']]],
    ['reads a dozen as twelve', '买了两打鸡蛋，一打听才知道', [['两打', 24, '个', undefined, 'cardinal']]],
    ['reads fractions with a whole part and signs', '三又三分之一，负二分之一', [['三又三分之一', 10 / 3, undefined, undefined, 'rate'], ['负二分之一', -0.5, undefined, undefined, 'rate']]],
    ['reads 多 inside and after numerals', '十多万人，300多户，两千多年', [['十多万人', 100000, '人', '>', 'cardinal'], ['300多户', 300, '户', '>', 'cardinal'], ['两千多年', 2000, '年', '>', 'duration']]],
    ['reads 上万 and 数十 as more-than', '上万名群众，数十万人', [['上万名', 10000, '名', '>', 'cardinal'], ['数十万人', 100000, '人', '>', 'cardinal']]],
    ['reads neighbouring digits as a range', '三四十人', [['三四十人', 30, '人', '~', 'cardinal']]],
    ['reads spoken abbreviations', '两千四百五十元和一万三', [['两千四百五十元', 2450, '元', undefined, 'money'], ['一万三', 13000, undefined, undefined, 'cardinal']]],
    ['reads 零 between units and financial numerals', '一千零一夜，肆佰陆拾元', [['一千零一夜', 1001, '夜', undefined, 'duration'], ['肆佰陆拾元', 460, '元', undefined, 'money']]],
    ['reads negative numbers and 零下', '气温零下15℃，负增长3.5%', [['零下15℃', -15, '℃', undefined, 'cardinal'], ['3.5%', 3.5, '%', undefined, 'percent']]],
    ['reads thousands separators', '投资1,200万元', [['1,200万元', 12000000, '元', undefined, 'money']]],
    ['reads party congress ordinals', '党的十九大以来', [['十九大', 19, '大', undefined, 'ordinal']]],
    ['reads a quoted lone numeral', '他写下“一”字', [['一', 1, undefined, undefined, 'cardinal']]],
  ];
  for (const [name, text, expected] of cases) it(name, () => check(text, expected));

  const negatives: Array<[string, string]> = [
    ['一线 (front line)', '深入一线调研'],
    ['统一 and 唯一', '统一思想，唯一的办法'],
    ['进一步', '进一步加强管理'],
    ['零距离 and 零增长', '零距离服务，零增长'],
    ['五谷 and 三心二意', '五谷丰登，不能三心二意'],
    ['十分 as an adverb', '十分重要'],
    ['千万 as an adverb and 万一', '千万注意，万一出事'],
    ['一起, 一些, 一定, 一样, 一直, 一般', '一起努力，一些人一定一样一直一般'],
    ['一方面 and 一下', '一方面看一下'],
    ['之一', '是重要原因之一'],
    ['idioms with measure words', '七上八下，四面八方，一波三折，一成不变'],
    ['ambiguous financial numerals alone', '登陆部队，收拾队伍，陆地'],
    ['list labels', '一、总体要求\n（二）工作措施\n3、保障'],
    ['model names', '5G网络，COVID-19，A2021'],
    ['weekdays', '周一和星期三'],
  ];
  for (const [name, text] of negatives) {
    it(`finds no number in ${name}`, () => assert.deepStrictEqual(found(text), []));
  }

  it('keeps a longer reading beside a non-number word (十分钟, 一点钟)', () => {
    check('开会十分钟，下午一点钟', [['十分钟', 10, '分钟', undefined, 'duration'], ['一点钟', 1, '时', undefined, 'date']]);
  });

  it('gives offsets into the exact text across surrogate pairs and CRLF', () => {
    const text = '𠀀𠀀有3人\r\n𠀀共１２万元\r\n';
    const ms = findNumbers(text);
    assert.deepStrictEqual(ms.map(m => m.text), ['3人', '１２万元']);
    for (const m of ms) assert.strictEqual(text.slice(m.start, m.end), m.text);
    assert.strictEqual(ms[1].value, 120000);
  });

  it('reads full-width digits, decimal points and signs', () => {
    check('２．５万吨，－３℃', [['２．５万吨', 25000, '吨', undefined, 'cardinal'], ['－３℃', -3, '℃', undefined, 'cardinal']]);
  });

  it('exposes the bare numerals inside a mention', () => {
    const [m] = findNumbers('将近1.52万余学时');
    assert.deepStrictEqual(m.numerals, [{ start: 2, end: 7, value: 15200 }]);
  });

  it('returns sorted, non-overlapping mentions whose text is their slice, on any text', () => {
    const piece = fc.constantFrom('一', '二', '十', '百', '万', '亿', '零', '点', '3', '０', '.', '%', '元', '年', '月', '日', '第', '个', '余', '多', '约', '近',
      '分之', '百分之', '负', '-', '/', ' ', '\r\n', '𠀀', '的', '人', '成', '折', '半', '两', '时');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map(a => a.join('')), text => {
      const ms = findNumbers(text);
      let last = 0;
      for (const m of ms) {
        assert.ok(m.start >= last && m.end > m.start && m.end <= text.length);
        assert.strictEqual(text.slice(m.start, m.end), m.text);
        assert.ok(Number.isFinite(m.value), `${m.text} → ${m.value}`);
        last = m.end;
      }
    }), { numRuns: 500 });
  });
});
