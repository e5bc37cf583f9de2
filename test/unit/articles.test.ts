import * as assert from 'assert';
import fc from 'fast-check';
import { findArticles } from '../../src/core/articles';
import type { Article } from '../../src/core/types';

/** A page whose lines are separated by blank lines, as pasted newspaper text usually is. */
const page = (...lines: string[]) => lines.join('\n\n');

/** What an article says, in words: its headline roles, byline, dateline and the kind and text of every block. */
function summary(text: string, a: Article) {
  return {
    title: a.title,
    titleLines: a.titleLines,
    byline: a.byline,
    dateline: a.dateline,
    blocks: (a.blocks ?? []).map(b => `${b.kind}:${text.slice(b.start, b.end)}`),
  };
}

const body1 = '今年以来，河湾县粮食收购企业与农户签订订单1.2万份，夏粮收购进度已经过半。';
const body2 = '县粮食局负责人介绍，今年新建的6座烘干塔全部投入使用，农户卖粮不再排长队。';

describe('article segmentation', () => {
  const cases: Array<[string, string, Array<ReturnType<typeof summary>>]> = [
    ['reads a kicker, a title, a lead-in sub-title and a byline',
      page('稳产保供 多措并举', '河湾县夏粮收购进度过半', '——订单农业让农户吃下“定心丸”', '本报记者 罗晴', body1),
      [{
        title: '河湾县夏粮收购进度过半', titleLines: ['稳产保供 多措并举', '河湾县夏粮收购进度过半', '——订单农业让农户吃下“定心丸”'],
        byline: '本报记者 罗晴', dateline: undefined,
        blocks: ['kicker:稳产保供 多措并举', 'title:河湾县夏粮收购进度过半', 'subtitle:——订单农业让农户吃下“定心丸”', 'byline:本报记者 罗晴', `paragraph:${body1}`],
      }]],
    ['takes the dateline from the start of the first paragraph',
      page('河湾县启动汛前检查', `本报河湾电(记者 罗晴)${body1}`, body2),
      [{
        title: '河湾县启动汛前检查', titleLines: ['河湾县启动汛前检查'], byline: undefined, dateline: '本报河湾电(记者 罗晴)',
        blocks: ['title:河湾县启动汛前检查', 'dateline:本报河湾电(记者 罗晴)', `paragraph:${body1}`, `paragraph:${body2}`],
      }]],
    ['reads an agency dateline followed by an ideographic space',
      page('全国夏粮收购有序推进', `新华社北京6月1日电\u3000${body1}`),
      [{
        title: '全国夏粮收购有序推进', titleLines: ['全国夏粮收购有序推进'], byline: undefined, dateline: '新华社北京6月1日电',
        blocks: ['title:全国夏粮收购有序推进', 'dateline:新华社北京6月1日电', `paragraph:${body1}`],
      }]],
    ['reads a caption-led photo story with its credit',
      page('古桥新貌', '图为修缮一新的永济桥。', '王一 摄'),
      [{
        title: '古桥新貌', titleLines: ['古桥新貌'], byline: '王一 摄', dateline: undefined,
        blocks: ['title:古桥新貌', 'caption:图为修缮一新的永济桥。', 'byline:王一 摄'],
      }]],
    ['keeps numbered and plain sub-heads inside the running article',
      page('河湾县抓实春耕生产', '本报记者 罗晴', body1, '一、抓好良种供应', body2, '（二）管好水利设施', body1, '产业兴旺有奔头', body2),
      [{
        title: '河湾县抓实春耕生产', titleLines: ['河湾县抓实春耕生产'], byline: '本报记者 罗晴', dateline: undefined,
        blocks: ['title:河湾县抓实春耕生产', 'byline:本报记者 罗晴', `paragraph:${body1}`, 'subhead:一、抓好良种供应', `paragraph:${body2}`,
          'subhead:（二）管好水利设施', `paragraph:${body1}`, 'subhead:产业兴旺有奔头', `paragraph:${body2}`],
      }]],
    ['joins two short equal headline lines into one couplet title',
      page('情暖乡村', '爱心助学', body1, '图为志愿者为孩子们送去书包。', '本报记者 罗晴 摄'),
      [{
        title: '情暖乡村 爱心助学', titleLines: ['情暖乡村', '爱心助学'], byline: '本报记者 罗晴 摄', dateline: undefined,
        blocks: ['title:情暖乡村', 'title:爱心助学', `paragraph:${body1}`, 'caption:图为志愿者为孩子们送去书包。', 'byline:本报记者 罗晴 摄'],
      }]],
    ['leaves page furniture before the first headline outside any article',
      page('河湾日报  2025年6月3日  星期二  第3版', '河湾县夏粮收购进度过半', body1, '责任编辑：罗晴'),
      [{
        title: '河湾县夏粮收购进度过半', titleLines: ['河湾县夏粮收购进度过半'], byline: undefined, dateline: undefined,
        blocks: ['title:河湾县夏粮收购进度过半', `paragraph:${body1}`],
      }]],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const { articles } = findArticles(text);
      // Through JSON, so an absent byline equals an undefined one.
      assert.deepStrictEqual(JSON.parse(JSON.stringify(articles.map(a => summary(text, a)))), JSON.parse(JSON.stringify(expected)));
    });
  }

  const starts: Array<[string, string, string[]]> = [
    ['starts an article at a headline followed by a byline', page('河湾县夏粮收购进度过半', '本报记者 罗晴', body1, '青山镇建成智慧茶园', '本报通讯员 陈可', body2),
      ['河湾县夏粮收购进度过半', '青山镇建成智慧茶园']],
    ['starts an article at a headline followed by a dateline', page('河湾县夏粮收购进度过半', '本报记者 罗晴', body1, '青山镇建成智慧茶园', `本报讯（记者 陈可）${body2}`),
      ['河湾县夏粮收购进度过半', '青山镇建成智慧茶园']],
    ['starts a photo story at a one-line title whose paragraph is followed by a caption', page('河湾县夏粮收购进度过半', '本报记者 罗晴', body1, '古桥新貌', body2, '图为修缮一新的永济桥。', '王一 摄'),
      ['河湾县夏粮收购进度过半', '古桥新貌']],
    ['starts an article after a dateline brief, which has no sub-heads', page('河湾县启动汛前检查', `本报河湾电(记者 罗晴)${body1}`, '青山镇建成智慧茶园', body2),
      ['河湾县启动汛前检查', '青山镇建成智慧茶园']],
    ['reads a title that asks a question, but not quoted speech that does', page('钱从哪里来？', '记者 罗晴', body1, '“真的能办成吗？”', body2),
      ['钱从哪里来？']],
    ['skips a page name above the first article', page('都市新闻', '城市更新', '“口袋公园”添绿又添彩', '本报记者 陈可', body1),
      ['“口袋公园”添绿又添彩']],
    ['reads a bracketed photo credit as the byline of a photo story', page('一方水土', '一方风景', '图为航拍梯田。', '（本报记者 罗晴 摄）', '青山镇建成智慧茶园', body2),
      ['一方水土 一方风景', '青山镇建成智慧茶园']],
    ['starts a round-up of briefs at its column head', page('河湾县夏粮收购进度过半', '本报记者 罗晴', body1, '简讯', body2),
      ['河湾县夏粮收购进度过半', '简讯']],
    ['finds no article on a page without headlines', page(body1, body2), []],
    ['finds nothing in an empty text', '', []],
  ];
  for (const [name, text, titles] of starts) {
    it(name, () => assert.deepStrictEqual(findArticles(text).articles.map(a => a.title), titles));
  }

  it('reads a quoted line holding a comma as a headline line', () => {
    const text = page('河湾县夏粮收购进度过半', '本报记者 罗晴', body1, '专访青山镇镇长', '“茶园就是我们的聚宝盆，也是绿水青山”', '本报记者 陈可', body2);
    assert.deepStrictEqual(findArticles(text).articles.map(a => a.titleLines),
      [['河湾县夏粮收购进度过半'], ['专访青山镇镇长', '“茶园就是我们的聚宝盆，也是绿水青山”']]);
  });

  it('spans each article from its first headline line to the end of its last text line, with deterministic ids', () => {
    const text = page('导语', '河湾县夏粮收购进度过半', '本报记者 罗晴', body1, '青山镇建成智慧茶园', '本报记者 陈可', body2) + '\n\n\n';
    const { articles } = findArticles(text);
    assert.deepStrictEqual(articles.map(a => [a.id, text.slice(a.start, a.end)]), [
      ['article-1', `导语\n\n河湾县夏粮收购进度过半\n\n本报记者 罗晴\n\n${body1}`],
      ['article-2', `青山镇建成智慧茶园\n\n本报记者 陈可\n\n${body2}`],
    ]);
  });

  it('counts offsets in UTF-16 code units across surrogate pairs', () => {
    const text = page('𠀀村建成新桥', '本报记者 罗晴', '𠀀村的新桥全长120米，方便了两岸群众出行，今年还将修建', '一条通村公路。');
    const { articles, columnBreaks } = findArticles(text);
    assert.strictEqual(text.slice(articles[0].start, articles[0].start + 7), '𠀀村建成新桥');
    assert.strictEqual(articles[0].title, '𠀀村建成新桥');
    assert.strictEqual(articles[0].end, text.length);
    assert.deepStrictEqual(columnBreaks.map(b => text.slice(b.start - 2, b.end + 2)), ['修建\n\n一条']);
  });
});

describe('layouts unlike the seed', () => {
  /** Title, byline and dateline of each article, and the text of its first line. */
  const heads = (text: string) => findArticles(text).articles.map(a => ({
    title: a.title, byline: a.byline, dateline: a.dateline, first: text.slice(a.start, text.indexOf('\n', a.start) < 0 ? a.end : Math.min(a.end, text.indexOf('\n', a.start))),
  }));
  const json = (x: unknown) => JSON.parse(JSON.stringify(x));

  describe('wire briefs', () => {
    it('starts a brief with no title line at its dateline, after a titled one', () => {
      const text = page('全国夏粮收购有序推进', `新华社北京6月1日电（记者 罗晴）${body1}`, body2, `新华社合肥6月1日电  ${body2}`, `本报讯（记者 陈可）${body1}`);
      assert.deepStrictEqual(json(heads(text)), [
        { title: '全国夏粮收购有序推进', dateline: '新华社北京6月1日电（记者 罗晴）', first: '全国夏粮收购有序推进' },
        { title: '', dateline: '新华社合肥6月1日电', first: `新华社合肥6月1日电  ${body2}` },
        { title: '', dateline: '本报讯（记者 陈可）', first: `本报讯（记者 陈可）${body1}` },
      ]);
      assert.deepStrictEqual(findArticles(text).articles[1].titleLines, []);
    });
    it('reads the dateline of any paper or agency (X报讯, X网讯, X社X地X月X日电)', () => {
      const text = page(`河湾晚报讯（记者 罗晴）${body1}`, `青山网讯 ${body2}`, `东海通讯社河湾6月2日电 ${body1}`);
      assert.deepStrictEqual(heads(text).map(h => h.dateline), ['河湾晚报讯（记者 罗晴）', '青山网讯', '东海通讯社河湾6月2日电']);
    });
    it('reads a dateline on an unlisted name only when a space or bracket sets it off', () => {
      const text = page('河湾县夏粮收购进度过半', '本报记者 罗晴', body1, `河湾社区5月2日电梯检修完毕，${body2}`, `值班民警接到报讯后赶到现场。`,
        `东海通讯社河湾五月二日电（记者 陈可）${body1}`);
      assert.deepStrictEqual(heads(text).map(h => [h.title, h.dateline]), [['河湾县夏粮收购进度过半', undefined], ['', '东海通讯社河湾五月二日电（记者 陈可）']]);
    });
    it('leaves an end mark (（完）) out of the articles: it is not the first headline line of the next', () => {
      const text = page(`新华社河湾6月1日电 ${body1}`, '（完）', '青山镇建成智慧茶园', body2);
      const { articles } = findArticles(text);
      assert.deepStrictEqual(articles.map(a => a.titleLines), [[], ['青山镇建成智慧茶园']]);
      assert.ok(!text.slice(articles[0].start, articles[0].end).includes('（完）'));
    });
    it('starts a page that opens with a brief, with no headline before it', () => {
      assert.deepStrictEqual(heads(page('河湾日报  2025年6月3日  星期二  第3版', `本报讯 ${body1}`, body2)).map(h => [h.title, h.dateline]), [['', '本报讯']]);
    });
    it('keeps an attribution inside a report (据外电报道, 据…通讯社报道) in that report', () => {
      const text = page('河湾县夏粮收购进度过半', '本报记者 罗晴', body1, `据外电报道，${body2}`, `据东海通讯社报道，${body1}`);
      assert.deepStrictEqual(json(heads(text)), [{ title: '河湾县夏粮收购进度过半', byline: '本报记者 罗晴', first: '河湾县夏粮收购进度过半' }]);
    });
    it('keeps a dateline under a title and byline in that article', () => {
      const text = page('河湾县夏粮收购进度过半', '本报记者 罗晴', `本报河湾电 ${body1}`, body2);
      assert.deepStrictEqual(json(heads(text)).map((h: { title: string; dateline: string }) => [h.title, h.dateline]), [['河湾县夏粮收购进度过半', '本报河湾电']]);
    });
  });

  describe('round-ups under a column head', () => {
    it('gives the head to the first dateline brief as its title and starts every later brief at its dateline', () => {
      const text = page('简讯', `本报讯（记者 罗晴）${body1}`, `本报讯 ${body2}`, '青山镇建成智慧茶园', '本报记者 陈可', body2);
      assert.deepStrictEqual(heads(text).map(h => [h.title, h.dateline ?? h.byline]),
        [['简讯', '本报讯（记者 罗晴）'], ['', '本报讯'], ['青山镇建成智慧茶园', '本报记者 陈可']]);
    });
    it('reads a round-up head over a titled brief as its kicker', () => {
      const text = page('新闻速递', '青山镇建成智慧茶园', `本报讯 ${body1}`);
      assert.deepStrictEqual(findArticles(text).articles.map(a => summary(text, a).blocks), [
        ['kicker:新闻速递', 'title:青山镇建成智慧茶园', 'dateline:本报讯', `paragraph:${body1}`]]);
    });
    it('ends each photo item at its credit, also when the credit is run into the caption', () => {
      const photo1 = '6月2日，河湾县村民在晾晒新麦。', photo2 = '6月1日，游客在青山镇茶园采茶。';
      const text = page('图片新闻', photo1, '本报记者 罗晴 摄', photo2, '本报通讯员 陈可 摄', `${photo1}  新华社记者 王一 摄`, '青山镇建成智慧茶园', '本报记者 陈可', body2);
      const { articles, columnBreaks } = findArticles(text);
      assert.deepStrictEqual(articles.map(a => [a.title, a.byline]),
        [['图片新闻', '本报记者 罗晴 摄'], ['', '本报通讯员 陈可 摄'], ['', '新华社记者 王一 摄'], ['青山镇建成智慧茶园', '本报记者 陈可']]);
      assert.deepStrictEqual(summary(text, articles[2]).blocks, [`paragraph:${photo1}`, 'byline:新华社记者 王一 摄']);
      assert.deepStrictEqual(columnBreaks, []);
    });
    it('starts a photo with its credit run into the caption after a brief, which has no photos of its own', () => {
      const photo = '6月2日，河湾县村民在晾晒新麦。  本报记者 罗晴 摄';
      const text = page(`本报讯 ${body1}`, photo, '青山镇建成智慧茶园', '本报记者 陈可', body2, photo);
      assert.deepStrictEqual(heads(text).map(h => [h.title, h.dateline ?? h.byline]),
        [['', '本报讯'], ['', '本报记者 罗晴 摄'], ['青山镇建成智慧茶园', '本报记者 陈可']]);
    });
    it('keeps two captions under one credit in one photo story outside a round-up', () => {
      const text = page('古桥新貌', '图为修缮一新的永济桥。', '图为桥头的石狮。', '王一 摄', body1);
      assert.deepStrictEqual(findArticles(text).articles.map(a => a.title), ['古桥新貌']);
    });
  });

  describe('page furniture', () => {
    it('leaves the masthead over the date line out of the first article', () => {
      const text = page('河湾日报', '2025年6月3日  星期二  第1版', '河湾县夏粮收购进度过半', `本报讯 ${body1}`);
      assert.deepStrictEqual(findArticles(text).articles.map(a => a.titleLines), [['河湾县夏粮收购进度过半']]);
    });
  });

  describe('credit lines inside an article', () => {
    it('reads name/role credits (X/文 X/图, 文/X 图/X) as the byline', () => {
      for (const credit of ['罗晴/文  陈可/图', '文/罗晴 图/陈可', '罗晴／文']) {
        const text = page('河湾县夏粮收购进度过半', credit, body1, '青山镇建成智慧茶园', credit, body2);
        assert.deepStrictEqual(heads(text).map(h => [h.title, h.byline]), [['河湾县夏粮收购进度过半', credit], ['青山镇建成智慧茶园', credit]], credit);
      }
    });
    it('does not start the next article at a bracketed credit closing an article', () => {
      const text = page('河湾县夏粮收购进度过半', '本报记者 罗晴', body1, '（本报通讯员 陈可 参与采写）', '青山镇建成智慧茶园', '本报记者 陈可', body2);
      const { articles } = findArticles(text);
      assert.deepStrictEqual(articles.map(a => a.titleLines), [['河湾县夏粮收购进度过半'], ['青山镇建成智慧茶园']]);
      assert.deepStrictEqual(summary(text, articles[0]).blocks.slice(-1), ['byline:（本报通讯员 陈可 参与采写）']);
    });
    it('reads a bracketed source credit closing a piece as a byline line, not a headline', () => {
      for (const credit of ['（县农技推广中心 供稿）', '（河湾县气象局供稿）']) {
        const text = page('河湾县夏粮收购进度过半', '本报记者 罗晴', body1, credit, '青山镇建成智慧茶园', body2);
        assert.deepStrictEqual(heads(text).map(h => [h.title, h.byline]), [['河湾县夏粮收购进度过半', '本报记者 罗晴']], credit);
        const own = page('农技小课堂', '问：小麦倒伏怎么办？', '答：及时排水，扶正植株。', credit);
        assert.deepStrictEqual(heads(own).map(h => [h.title, h.byline]), [['农技小课堂', credit]], credit);
      }
    });
    it('keeps a second byline line in the article and the first as its byline', () => {
      const text = page('河湾县夏粮收购进度过半', '本报记者 罗晴', '本报通讯员 陈可', body1);
      assert.deepStrictEqual(json(heads(text)).map((h: { byline: string }) => h.byline), ['本报记者 罗晴']);
    });
    it('keeps the sub-head after a photo credit inside a signed feature', () => {
      const text = page('河湾县抓实春耕生产', '本报记者 罗晴', body1, '图为村民在育秧。', '陈可 摄', '产业兴旺有奔头', body2);
      const { articles } = findArticles(text);
      assert.deepStrictEqual(articles.map(a => a.title), ['河湾县抓实春耕生产']);
      assert.ok(summary(text, articles[0]).blocks.includes('subhead:产业兴旺有奔头'));
    });
  });

  describe('sub-heads of a long article', () => {
    it('reads a phrase after a ■ marker as a sub-head and bare names after □ as the byline', () => {
      const text = page('河湾县抓实春耕生产', body1, '■ 良种供应有保障', body2, '青山镇建成智慧茶园', '□ 陈可', body2);
      const { articles } = findArticles(text);
      assert.deepStrictEqual(articles.map(a => [a.title, a.byline]), [['河湾县抓实春耕生产', undefined], ['青山镇建成智慧茶园', '陈可']]);
      assert.ok(summary(text, articles[0]).blocks.includes('subhead:■ 良种供应有保障'));
    });
    it('keeps the sub-heads of a dateline report with a sub-title and no byline line', () => {
      const text = page('河湾县夏粮收购进度过半', '——订单农业让农户吃下“定心丸”', `新华社河湾6月1日电（记者 罗晴）${body1}`, '良种先行', body2, '农机上阵', body1);
      const { articles } = findArticles(text);
      assert.deepStrictEqual(articles.map(a => a.title), ['河湾县夏粮收购进度过半']);
      assert.deepStrictEqual(summary(text, articles[0]).blocks.filter(b => b.startsWith('subhead')), ['subhead:良种先行', 'subhead:农机上阵']);
    });
  });

  describe('numbered series', () => {
    it('reads a series label over a title as its kicker', () => {
      for (const label of ['乡村振兴一线见闻（3）', '走近非遗传承人之二', '河湾纪行②']) {
        const text = page(label, '青山镇建成智慧茶园', '本报记者 陈可', body2);
        assert.deepStrictEqual(summary(text, findArticles(text).articles[0]).blocks.slice(0, 2), [`kicker:${label}`, 'title:青山镇建成智慧茶园'], label);
      }
    });
    it('keeps the installment number on a title of its own', () => {
      const text = page('河湾县城区道路改造进展顺利（上）', '本报记者 罗晴', body1, '（一）主干道改造', body2);
      assert.deepStrictEqual(findArticles(text).articles.map(a => a.title), ['河湾县城区道路改造进展顺利（上）']);
    });
    it('starts an installment titled …（N） even with neither byline nor dateline under it', () => {
      const text = page('河湾县抓实春耕生产', '本报记者 罗晴', body1, '（1）良种先行', body2, '讲好家乡故事（1）', body1);
      assert.deepStrictEqual(findArticles(text).articles.map(a => a.title), ['河湾县抓实春耕生产', '讲好家乡故事（1）']);
    });
  });
});

describe('column breaks', () => {
  const cut = '县里组织农技人员深入田间地头，为村民开展';
  const rest = '技能培训，受益群众两千余人。';
  /** The text around each break, and the text once every break is joined. */
  function joined(text: string) {
    const { columnBreaks } = findArticles(text);
    let out = text;
    for (const b of [...columnBreaks].reverse()) out = out.slice(0, b.start) + out.slice(b.end);
    return { count: columnBreaks.length, out };
  }
  const cases: Array<[string, string, number, string]> = [
    ['joins a paragraph cut by a blank line (LF)', `${cut}\n\n${rest}`, 1, cut + rest],
    ['joins a paragraph cut by several blank lines (CRLF)', `${cut}\r\n\r\n\r\n${rest}\r\n`, 1, `${cut}${rest}\r\n`],
    ['joins a paragraph cut by lone CRs', `${cut}\r\r${rest}`, 1, cut + rest],
    ['joins a cut whose continuation starts with a character that cannot open a sentence', `河湾县夏粮收购进度过半\n\n${body1.slice(0, 10)}\n\n的${rest}`, 1, `河湾县夏粮收购进度过半\n\n${body1.slice(0, 10)}的${rest}`],
    ['joins a short comma-split line cut after a sub-head', page('产业兴旺有奔头', '今年以来，县委、县政府下', '发《产业扶持办法》，支持合作社发展。'), 1, page('产业兴旺有奔头', '今年以来，县委、县政府下发《产业扶持办法》，支持合作社发展。')],
    ['joins an unindented continuation of an indented paragraph', `\u3000\u3000${cut}\n\n${rest}`, 1, `\u3000\u3000${cut}${rest}`],
    ['does not join a title to its first paragraph', page('河湾县夏粮收购进度过半', body1), 0, page('河湾县夏粮收购进度过半', body1)],
    ['does not join a byline to its first paragraph', page('河湾县夏粮收购进度过半', '本报记者 罗晴', body1), 0, page('河湾县夏粮收购进度过半', '本报记者 罗晴', body1)],
    ['does not join a sub-head to the paragraph after it', page(body1, '二、管好水利设施', body2), 0, page(body1, '二、管好水利设施', body2)],
    ['does not join a line ending in a colon', page('他说：', '“这些树是我们一棵一棵种活的。”'), 0, page('他说：', '“这些树是我们一棵一棵种活的。”')],
    ['does not join a title ending in a word that ends on a function word (参与)', page(body1, '健步走活动吸引千人参与', body2), 0, page(body1, '健步走活动吸引千人参与', body2)],
    ['does not join a finished paragraph', page(body1, body2), 0, page(body1, body2)],
    ['does not join a body line to the headline of the next article', page(cut, '青山镇建成智慧茶园', '本报记者 陈可', body2), 0, page(cut, '青山镇建成智慧茶园', '本报记者 陈可', body2)],
    ['does not join into an indented new paragraph', `\u3000\u3000${cut}\n\n\u3000\u3000${rest}`, 0, `\u3000\u3000${cut}\n\n\u3000\u3000${rest}`],
    ['does not join lines with no blank line between them', `${cut}\n${rest}`, 0, `${cut}\n${rest}`],
  ];
  for (const [name, text, count, expected] of cases) {
    it(name, () => assert.deepStrictEqual(joined(text), { count, out: expected }));
  }

  it('reports the cut from its first line break to after its last', () => {
    const text = `${cut}\r\n\r\n${rest}`;
    assert.deepStrictEqual(findArticles(text).columnBreaks, [{ start: cut.length, end: cut.length + 4 }]);
  });
});

describe('articles and column breaks on any text', () => {
  const pieces = ['河湾县夏粮收购进度过半', '本报记者 罗晴', '本报河湾电(记者 罗晴)', body1, '为村民开展', '的', '图为新桥。', '王一 摄',
    '一、抓好良种', '𠀀', '\u3000\u3000', ' ', '\n', '\r\n', '\r', '\n\n', '，', '？', '——',
    '本报讯', '河湾晚报讯（记者 罗晴）', '图片新闻', '简讯', '。  新华社记者 王一 摄', '罗晴/文', '（本报通讯员 陈可 参与采写）', '纪行（3）'];
  it('keeps every span inside the text, in order, and every break made of line breaks and padding only', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), parts => {
      const text = parts.join('');
      const { articles, columnBreaks } = findArticles(text);
      let last = 0;
      for (const a of articles) {
        assert.ok(last <= a.start && a.start < a.end && a.end <= text.length, `article ${a.start}-${a.end}`);
        for (const b of a.blocks ?? []) assert.ok(a.start <= b.start && b.start <= b.end && b.end <= a.end, `block ${b.start}-${b.end}`);
        last = a.end;
      }
      for (const b of columnBreaks) {
        assert.ok(b.start < b.end && b.end <= text.length);
        assert.match(text.slice(b.start, b.end), /^[\r\n][\s\u3000]*[\r\n]$/);
      }
    }), { numRuns: 300 });
  });
});
