/**
 * General-knowledge word lists the recogniser uses as features and rules. Nothing here comes from any
 * annotated text: common surnames, administrative-division and organisation suffixes, role words,
 * speech verbs, and the syllables Tibetan personal names are built from.
 */

/** The most common single-character Chinese surnames (百家姓 order of frequency, roughly). */
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';

export const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '端木', '西门', '南宫', '宇文', '司徒', '申屠'];

/** Last characters of administrative divisions and other place names. */
export const DIVISION_SUFFIXES = '省市县区乡镇村州盟旗屯寨庄堡湾岛洲峡江河湖山岭峰港湾街道路巷坡沟坝';

/** Multi-character place suffixes. */
export const DIVISION_WORDS = ['自治区', '自治州', '自治县', '特别行政区', '街道', '社区', '新区', '开发区', '地区', '林场', '牧场', '农场', '高原', '盆地', '半岛', '海峡', '平原'];

/** Last characters of organisation names. */
export const ORG_SUFFIXES = '局院部委会厅处所校社行司团队军厂店馆站台报署办庭组党院';

/** Multi-character organisation suffixes, longest first where they share a tail. */
export const ORG_WORDS = [
  '委员会', '人大常委会', '政府', '公司', '集团', '大学', '学院', '中学', '小学', '幼儿园', '医院', '卫生院', '研究所', '研究院',
  '研究中心', '中心', '支行', '分行', '银行', '合作社', '基金会', '协会', '学会', '联合会', '军分区', '派出所',
  '法院', '检察院', '公安局', '办事处', '工作站', '服务站', '电视台', '广播电台', '出版社', '报社', '通讯社',
  '代表团', '工作组', '工作队', '党支部', '党委', '政协', '人大', '总局', '公安厅', '教育局', '事务所', '俱乐部',
];

/** Words that introduce a person's name: titles, jobs, kinship and reporting roles. */
export const ROLE_WORDS = [
  '记者', '通讯员', '编辑', '主编', '摄影', '政委', '司令员', '参谋长', '军人', '战士', '士兵', '官兵', '校长', '院长', '老师', '教师', '教授',
  '学生', '同学', '书记', '主任', '局长', '县长', '市长', '省长', '乡长', '镇长', '村长', '厂长', '经理', '董事长', '总裁', '主席', '总理',
  '部长', '委员', '代表', '医生', '护士', '村民', '农民', '工人', '牧民', '干部', '队长', '团长', '师长', '旅长', '营长', '连长', '排长',
  '班长', '处长', '科长', '所长', '站长', '社长', '会长', '秘书长', '副', '总统', '首相', '大使', '先生', '女士', '小姐', '同志', '师傅',
  '父亲', '母亲', '妻子', '丈夫', '儿子', '女儿', '爷爷', '奶奶', '老人', '大爷', '大妈', '阿妈', '阿爸', '专家', '作家', '画家', '演员',
  '运动员', '教练', '法官', '检察官', '警官', '民警', '律师', '志愿者', '负责人', '创始人', '馆长', '总经理', '副主任', '副书记',
];

/** Titles and ranks written right after a name (张三教授, 王局长, X少将): never part of the person. */
export const TITLES_AFTER = [
  '先生', '女士', '小姐', '同志', '老师', '师傅', '大爷', '大妈', '大娘', '大婶', '阿姨', '老汉', '教授', '博士', '院士', '研究员', '工程师',
  '书记', '主任', '局长', '县长', '市长', '省长', '乡长', '镇长', '村长', '厂长', '经理', '总经理', '董事长', '总裁', '主席', '总理', '部长',
  '处长', '科长', '所长', '站长', '社长', '会长', '校长', '院长', '馆长', '队长', '团长', '政委', '司令', '司令员', '参谋长', '秘书长', '大使',
  '总统', '首相', '外长', '议长', '议员', '将军', '元帅', '上将', '中将', '少将', '大校', '上校', '中校', '少校', '教练', '主教', '法官',
];

/** Verbs that follow a speaker. */
export const SPEECH_VERBS = ['说', '表示', '介绍', '指出', '强调', '认为', '告诉', '称', '透露', '回忆', '坦言', '笑着说', '说道', '谈到', '补充'];

/**
 * Syllables that Tibetan (and some other minority) personal names are made of, as transliterated in
 * Chinese: jieba splits such names into pieces it tags as places or common words.
 */
export const TIBETAN_SYLLABLES =
  '扎西多吉卓玛次仁旺堆拉姆央宗措丹增平巴桑格德顿珠尼达洛群培琼曲索朗加布穷边嘎杰赤罗布欧阿旦贡觉普尺米玉白然才让卓尕吾热斯买提艾力古丽帕提木汗尔克孜别';

/** Chinese short names of countries and regions that news text uses as single-character places. */
export const PLACE_ABBREVIATIONS = '中美英法德日俄韩朝欧港澳台京沪津渝苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔滇藏陕甘青宁新蒙冀晋辽吉黑';

/** Characters Chinese uses to transliterate foreign names (新华社 style), for names joined by ·. */
export const TRANSLITERATION =
  '阿埃艾安奥巴拜班尔茨娃翰邦贝本比彼宾波伯博布查达戴丹道德迪蒂杜多厄恩法菲费芬佛夫福弗盖甘戈格古哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康柯科克肯库拉莱赖兰朗劳勒雷里利连林卢鲁路伦罗洛马迈麦曼梅门米密明摩莫默姆穆纳奈南内尼涅努诺欧帕潘佩皮珀普奇齐乔切琼萨塞桑瑟森沙舍什施斯松苏索塔泰坦汤特提图托瓦万旺威韦维温沃乌西希谢辛休雅亚扬耶伊因英尤约泽扎詹兹佐';

/**
 * Generic groups: a span made only of these modifiers and heads names no particular organisation
 * (驻村工作队, 乡镇党委, 帮扶工作队, 各级党委, 有关部门), see the conventions in docs/ner.md.
 */
export const GENERIC_ORG_MODIFIERS = ['驻村', '帮扶', '扶贫', '乡镇', '各级', '基层', '有关', '相关', '各', '村', '乡', '镇', '村级', '县级', '市级', '乡级', '镇级', '上级', '当地', '地方', '农民', '专业', '工作'];
export const GENERIC_ORG_HEADS = ['工作队', '工作组', '党委', '党支部', '支部', '党组织', '合作社', '部门', '单位', '村委会', '居委会'];
/** Endings of an office's short name (扶贫办, 发改委): an organisation, never a person. */
export const OFFICE_ENDINGS = '办委';

/** Weather words of two or more characters (weather tables: X晴转多云 19℃／32℃); never names. */
export const WEATHER_WORDS = ['多云', '少云', '阵雨', '雷阵雨', '小雨', '中雨', '大雨', '暴雨', '大暴雨', '小到中雨', '中到大雨', '大到暴雨', '小雪', '中雪', '大雪', '暴雪', '阵雪', '雨夹雪', '冻雨', '浮尘', '扬沙', '沙尘暴'];
