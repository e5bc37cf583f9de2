/**
 * Word lists of the number recogniser: units and measure words, approximation words, and words that only
 * look numeric. General Chinese vocabulary, nothing taken from any particular text.
 */
import type { Approx, NumberKind } from '../types';

/** What a unit makes of the number before it. `special` units (dates, clock times, 成/折) are resolved in code. */
export type UnitClass = 'measure' | 'money' | 'duration' | 'percent' | 'ordinal' | 'date' | 'special';

export interface Unit {
  word: string;
  /** Lower-cased, for Latin units (km, kWh) matched case-insensitively; undefined for Chinese units. */
  latin?: string;
  cls: UnitClass;
  /** The unit reported in `unit` (元人民币 → 元, 美金 → 美元). */
  canonical: string;
  /** Not after a bare Chinese digit (一方 party, 一度 once, 一点 a bit): needs Arabic digits or a multiplier. */
  strict: boolean;
}

const MEASURE = `个 個 人 名 位 口 户 家 座 所 台 辆 架 艘 只 头 匹 条 棵 株 本 张 份 篇 部 首 幅 套 块 根 支 枝 把 间 栋 幢 层
  级 轮 类 种 组 队 团 对 双 副 片 段 节 章 页 句 字 笔 桩 起 宗 例 颗 粒 滴 瓶 杯 碗 盒 箱 包 袋 桶 罐 船 桌 席 排 列 串 群
  批 次 场 遍 趟 回 番 下 声 步 门 科 处 道 堂 课 项 件 封 枚 盏 扇 顶 盘 册 卷 集 期 代 股 餐 顿 版 款 档 任 局 站 讲 招 辑
  倍 季 茬 床 圈 拨 雙 對 隻 張 條 場 項 輛 頭 間 層 種 組 隊 僅 筆 處 門 顆 篇 幅 份 屆 屆次 場次 人次 届次 人次 场次 架次 车次 班次 户次 批次 台次 件次 人份 人口 余次
  公里 千米 米 公分 厘米 毫米 分米 微米 纳米 英里 海里 英尺 英寸 寸 尺 丈 平方米 平米 平方公里 平方千米 平方厘米 立方米 立方
  公顷 亩 顷 吨 公斤 千克 克 毫克 微克 斤 磅 盎司 升 毫升 千瓦 千瓦时 兆瓦 吉瓦 瓦 伏 千伏 赫兹 兆赫 分贝 摄氏度 华氏度
  千卡 卡路里 焦耳 马力 字节 千字节 兆字节 吉字节 比特 千比特 标箱 标准箱 像素 帧 级
  km m cm mm kg g mg km² m² ㎡ ㎞ ℃ °C kW kWh MW GW Hz kHz MHz GHz GB MB TB KB mAh ml mL m³`;
const STRICT_MEASURE = '分 度 方 里';
const DURATION = `个月 天 周 星期 个星期 礼拜 个礼拜 小时 个小时 钟头 个钟头 分钟 秒 秒钟 刻钟 学时 课时 工时 工作日 个工作日
  昼夜 个昼夜 夜 晚 宿 岁 周岁 虚岁 年头 个年头 个季度 个周 个春秋`;
const ORDINAL = '年级 届 周年 等奖 等';
const DATE = '年代 世纪 年度 季度 月份';
const SPECIAL = '年 月 日 号 時 时 点 點 成 折 个百分点 個百分點 百分点 百分點 ‰';
const PERCENT = '% ％';
/** Currency names → the unit reported. */
const MONEY: Record<string, string> = {
  元: '元', 元人民币: '元', 人民币: '元', 块钱: '元', 美元: '美元', 美金: '美元', 美圆: '美元', 美刀: '美元', 欧元: '欧元',
  日元: '日元', 英镑: '英镑', 港元: '港元', 港币: '港元', 澳元: '澳元', 澳币: '澳元', 加元: '加元', 加币: '加元',
  新台币: '新台币', 台币: '新台币', 韩元: '韩元', 卢布: '卢布', 卢比: '卢比', 瑞士法郎: '瑞士法郎', 法郎: '法郎', 马克: '马克',
  奈拉: '奈拉', 兰特: '兰特', 比索: '比索', 里拉: '里拉', 泰铢: '泰铢', 越南盾: '越南盾', 林吉特: '林吉特', 新加坡元: '新加坡元',
  新元: '新加坡元', 澳门元: '澳门元', 澳门币: '澳门元', 新西兰元: '新西兰元', 比特币: '比特币', 个比特币: '比特币', 美分: '美分',
  欧分: '欧分', 便士: '便士', 先令: '先令', 第纳尔: '第纳尔', 迪拉姆: '迪拉姆', 里亚尔: '里亚尔', 雷亚尔: '雷亚尔', 克朗: '克朗',
  兹罗提: '兹罗提', 福林: '福林', 坚戈: '坚戈', 塔卡: '塔卡', 披索: '比索', 'US$': '美元',
};

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

/** Units indexed by first character, longest first. */
const UNITS = new Map<string, Unit[]>();

function add(word: string, cls: UnitClass, canonical = word, strict = false): void {
  const key = word[0];
  const list = UNITS.get(key) ?? [];
  const latin = /^[A-Za-z]/.test(word) ? word.toLowerCase() : undefined;
  if (!list.some(u => u.word === word)) list.push({ word, latin, cls, canonical, strict });
  list.sort((a, b) => b.word.length - a.word.length);
  UNITS.set(key, list);
}

for (const w of words(MEASURE)) add(w, 'measure');
for (const w of words(STRICT_MEASURE)) add(w, 'measure', w, true);
for (const w of words(DURATION)) add(w, 'duration');
for (const w of words(ORDINAL)) add(w, 'ordinal');
for (const w of words(DATE)) add(w, 'date');
for (const w of words(SPECIAL)) add(w, 'special');
for (const w of words(PERCENT)) add(w, 'percent', '%');
for (const [w, c] of Object.entries(MONEY)) add(w, 'money', c);

/** First characters of every unit. */
export const UNIT_STARTS = [...UNITS.keys()].join('');

/** The longest unit at `at`; Latin units match case-insensitively and must not run into further letters. */
export function unitAt(text: string, at: number): Unit | undefined {
  const ch = text[at];
  if (ch === undefined) return undefined;
  const list = UNITS.get(ch) ?? UNITS.get(ch.toLowerCase());
  if (!list) return undefined;
  for (const u of list) {
    if (u.latin === undefined) {
      if (text.startsWith(u.word, at)) return u;
      continue;
    }
    if (text.substr(at, u.word.length).toLowerCase() !== u.latin) continue;
    if (/[A-Za-z]$/.test(u.word) && /[A-Za-z]/.test(text[at + u.word.length] ?? '')) continue;
    return u;
  }
  return undefined;
}

export function kindOf(cls: UnitClass): NumberKind {
  switch (cls) {
    case 'money': return 'money';
    case 'duration': return 'duration';
    case 'percent': return 'percent';
    case 'ordinal': return 'ordinal';
    case 'date': return 'date';
    default: return 'cardinal';
  }
}

/** Approximation words before a number, longest first, with the characters that, just before them, make them part of another word. */
export const APPROX_BEFORE: Array<{ word: string; approx: Approx; notAfter?: string }> = [
  { word: '不超过', approx: '<' }, { word: '不少于', approx: '>' }, { word: '将近', approx: '<' }, { word: '接近', approx: '<' },
  { word: '几近', approx: '<' }, { word: '不到', approx: '<' }, { word: '不足', approx: '<' }, { word: '最多', approx: '<' },
  { word: '超过', approx: '>' }, { word: '多达', approx: '>' }, { word: '至少', approx: '>' }, { word: '大约', approx: '~' },
  { word: '大概', approx: '~' }, { word: '约莫', approx: '~' },
  { word: '约', approx: '~', notAfter: '纽预签相违履节制公条合婚邀特践守誓和协盟草新契租赴失爽简隐俭缔解毁应' },
  { word: '近', approx: '<', notAfter: '最附靠临邻就亲贴远走逼拉凑浅' },
  { word: '逾', approx: '>' },
  { word: '超', approx: '>', notAfter: '高赶追反' },
];

/** Approximation words after a number and its unit. */
export const APPROX_AFTER: Array<{ word: string; approx: Approx; notBefore?: string }> = [
  { word: '左右', approx: '~' }, { word: '上下', approx: '~', notBefore: '游班级楼车铺' }, { word: '前后', approx: '~', notBefore: '对比' },
  { word: '以上', approx: '>' }, { word: '之多', approx: '>' }, { word: '有余', approx: '>' }, { word: '开外', approx: '>' },
  { word: '出头', approx: '>' }, { word: '以下', approx: '<' }, { word: '以内', approx: '<' }, { word: '不到', approx: '<', notBefore: '场位会岗达' }, { word: '之内', approx: '<' },
];

/**
 * Words and idioms whose numerals are not numbers. A mention that lies inside one of these, where it occurs,
 * is dropped; a longer mention (一点钟 beside 一点, 十分钟 beside 十分) survives.
 */
export const NOT_NUMBERS = words(`
  一起 一下 一下子 一道 一点 一点点 一度 一方 一方面 一时 一时间 一口气 一把手 一头雾水 一笔勾销 一块儿 一系列 一部分
  一站式 一对一 一门心思 一口咬定 一席之地 一技之长 一臂之力 一分为二 一五一十 一日千里 一年四季 一步到位 一条龙 一条心
  一番 一阵子 一律 一级级 进一步 统一 唯一 万一 一行 一等一 一些 一致 一直 一般 一切 一样 一定 一同 一再 一并 一旦 一向
  十分 十足 十字 十全十美 十拿九稳 十有八九 八九不离十 十之八九 三番五次 三令五申 五湖四海 四面八方 七上八下 乱七八糟
  一干二净 一清二楚 独一无二 三心二意 九牛一毛 千方百计 千家万户 千军万马 千山万水 千辛万苦 万无一失 一举两得 一石二鸟
  一箭双雕 接二连三 不三不四 丢三落四 颠三倒四 四平八稳 一本正经 九死一生 三三两两 两全其美 五花八门 三下五除二 三五成群
  成千上万 成百上千 数以万计 数以千计 数以百计 一成不变 一波三折 百分百 两两 两口子 三星 四周 五一节 三八节 一二 四季
  第三方 三方 两下子 一分钱一分货 千万 万分 百万雄师 一字排开 一审 二审 三审 一线 二线 三线 一流 二流 三流 一手 二手
  一体 一路 一带 一道 一身 一心 一生 一世 一言一行 一点儿 半点 一半 多半 大半 过半 一二三 初一 初二 初三 高一 高二 高三
  星期一 星期二 星期三 星期四 星期五 星期六 周一 周二 周三 周四 周五 周六 之一 一手抓 两手抓 九州 三角 八角 五角星 一角
  一元化 二元 多元 一次性 两把刷子 一年一度 一任 五位一体 一笔一画 一盘棋 一股劲 一席话 一张一弛 一户一策 一村一品
`);
