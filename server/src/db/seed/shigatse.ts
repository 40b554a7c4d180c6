/**
 * Facts of the demo data set: 日喀则市 and its 18 county-level divisions with their real
 * administrative codes, plus name material for realistic cadres.
 */

export const REGION = { name: '日喀则市', nameTibetan: 'གཞིས་ཀ་རྩེ་གྲོང་ཁྱེར།', code: '540200' };

export const COUNTIES: { code: string; name: string; nameTibetan: string; townships: string[] }[] = [
  { code: '540202', name: '桑珠孜区', nameTibetan: 'བསམ་གྲུབ་རྩེ་ཆུས།', townships: ['年木乡', '东嘎乡'] },
  { code: '540221', name: '南木林县', nameTibetan: 'རྣམ་གླིང་རྫོང་།', townships: ['南木林镇', '土布加乡'] },
  { code: '540222', name: '江孜县', nameTibetan: 'རྒྱལ་རྩེ་རྫོང་།', townships: ['江孜镇', '重孜乡'] },
  { code: '540223', name: '定日县', nameTibetan: 'དིང་རི་རྫོང་།', townships: ['协格尔镇', '岗嘎镇'] },
  { code: '540224', name: '萨迦县', nameTibetan: 'ས་སྐྱ་རྫོང་།', townships: ['萨迦镇', '吉定镇'] },
  { code: '540225', name: '拉孜县', nameTibetan: 'ལྷ་རྩེ་རྫོང་།', townships: ['曲下镇', '拉孜镇'] },
  { code: '540226', name: '昂仁县', nameTibetan: 'ངམ་རིང་རྫོང་།', townships: ['桑桑镇'] },
  { code: '540227', name: '谢通门县', nameTibetan: 'བཞད་མཐོང་སྨོན་རྫོང་།', townships: ['卡嘎镇'] },
  { code: '540228', name: '白朗县', nameTibetan: 'པ་སྣམ་རྫོང་།', townships: ['洛江镇', '嘎东镇'] },
  { code: '540229', name: '仁布县', nameTibetan: 'རིན་སྤུངས་རྫོང་།', townships: ['德吉林镇'] },
  { code: '540230', name: '康马县', nameTibetan: 'ཁང་དམར་རྫོང་།', townships: ['康马镇'] },
  { code: '540231', name: '定结县', nameTibetan: 'གདིང་སྐྱེས་རྫོང་།', townships: ['江嘎镇'] },
  { code: '540232', name: '仲巴县', nameTibetan: 'འབྲོང་པ་རྫོང་།', townships: ['拉让乡'] },
  { code: '540233', name: '亚东县', nameTibetan: 'གྲོ་མོ་རྫོང་།', townships: ['下司马镇', '帕里镇'] },
  { code: '540234', name: '吉隆县', nameTibetan: 'སྐྱིད་གྲོང་རྫོང་།', townships: ['宗嘎镇', '吉隆镇'] },
  { code: '540235', name: '聂拉木县', nameTibetan: 'གཉའ་ལམ་རྫོང་།', townships: ['聂拉木镇', '樟木镇'] },
  { code: '540236', name: '萨嘎县', nameTibetan: 'ས་དགའ་རྫོང་།', townships: ['加加镇'] },
  { code: '540237', name: '岗巴县', nameTibetan: 'གམ་པ་རྫོང་།', townships: ['岗巴镇'] },
];

type Kind = 'PARTY' | 'GOVERNMENT' | 'INSTITUTION' | 'TOWNSHIP' | 'OTHER';
export interface UnitTemplate {
  suffix: string;
  kind: Kind;
  /** Positions from the head down, each with its rank. */
  posts: [position: string, rank: string][];
}

export const REGION_UNITS: { name: string; kind: Kind; posts: [string, string][] }[] = [
  { name: '日喀则地委组织部', kind: 'PARTY', posts: [['部长', '正处级'], ['常务副部长', '副处级'], ['干部科科长', '正科级'], ['组织科科长', '正科级'], ['干部科科员', '一级科员']] },
  { name: '日喀则地委办公室', kind: 'PARTY', posts: [['主任', '正处级'], ['副主任', '副处级'], ['督查科科长', '正科级'], ['督查科科员', '一级科员']] },
  { name: '日喀则地委宣传部', kind: 'PARTY', posts: [['部长', '正处级'], ['副部长', '副处级'], ['科员', '一级科员']] },
  { name: '日喀则行署办公室', kind: 'GOVERNMENT', posts: [['主任', '正处级'], ['副主任', '副处级'], ['科长', '正科级']] },
  { name: '日喀则地区人力资源和社会保障局', kind: 'GOVERNMENT', posts: [['局长', '正处级'], ['副局长', '副处级'], ['人才科科长', '正科级']] },
  { name: '日喀则地区教育局', kind: 'GOVERNMENT', posts: [['局长', '正处级'], ['副局长', '副处级'], ['科员', '一级科员']] },
  { name: '日喀则地委党校', kind: 'INSTITUTION', posts: [['常务副校长', '正处级'], ['教务处处长', '正科级'], ['教师', '专业技术十级']] },
];

export const COUNTY_UNITS: UnitTemplate[] = [
  { suffix: '委办公室', kind: 'PARTY', posts: [['主任', '正科级'], ['副主任', '副科级'], ['督查室科员', '一级科员']] },
  { suffix: '委组织部', kind: 'PARTY', posts: [['部长', '副处级'], ['副部长', '正科级'], ['组织股股长', '四级主任科员'], ['干部股科员', '一级科员']] },
  { suffix: '委宣传部', kind: 'PARTY', posts: [['部长', '副处级'], ['副部长', '正科级'], ['科员', '二级科员']] },
  { suffix: '人民政府办公室', kind: 'GOVERNMENT', posts: [['主任', '正科级'], ['副主任', '副科级'], ['科员', '一级科员']] },
  { suffix: '人力资源和社会保障局', kind: 'GOVERNMENT', posts: [['局长', '正科级'], ['副局长', '副科级']] },
  { suffix: '教育局', kind: 'GOVERNMENT', posts: [['局长', '正科级'], ['副局长', '副科级'], ['科员', '二级科员']] },
];

export const TOWNSHIP_POSTS: [string, string][] = [
  ['党委书记', '正科级'],
  ['乡（镇）长', '正科级'],
  ['组织委员', '副科级'],
];

/** Tibetan given-name syllable pairs with their Tibetan spelling. */
export const TIBETAN_NAME_PARTS: [string, string][] = [
  ['扎西', 'བཀྲ་ཤིས'],
  ['次仁', 'ཚེ་རིང'],
  ['卓玛', 'སྒྲོལ་མ'],
  ['多吉', 'རྡོ་རྗེ'],
  ['格桑', 'སྐལ་བཟང'],
  ['平措', 'ཕུན་ཚོགས'],
  ['尼玛', 'ཉི་མ'],
  ['达瓦', 'ཟླ་བ'],
  ['普布', 'ཕུར་བུ'],
  ['巴桑', 'པ་སངས'],
  ['拉巴', 'ལྷག་པ'],
  ['边巴', 'སྤེན་པ'],
  ['旦增', 'བསྟན་འཛིན'],
  ['索朗', 'བསོད་ནམས'],
  ['德吉', 'བདེ་སྐྱིད'],
  ['央金', 'དབྱངས་ཅན'],
  ['白玛', 'པདྨ'],
  ['次旦', 'ཚེ་བརྟན'],
  ['洛桑', 'བློ་བཟང'],
  ['顿珠', 'དོན་གྲུབ'],
  ['加措', 'རྒྱ་མཚོ'],
  ['卓嘎', 'སྒྲོལ་དཀར'],
  ['米玛', 'མིག་དམར'],
  ['曲珍', 'ཆོས་སྒྲོན'],
];
/** Syllable pairs that usually end a woman's name. */
export const FEMININE_ENDINGS = new Set(['卓玛', '央金', '德吉', '卓嘎', '曲珍', '白玛']);

export const HAN_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '罗', '高', '林'];
export const HAN_GIVEN_MALE = ['建国', '志强', '海涛', '明', '伟', '军', '国华', '立新', '振宇', '晓东', '文斌', '永平'];
export const HAN_GIVEN_FEMALE = ['丽', '静', '秀英', '丽娟', '海燕', '晓梅', '雪', '婷', '红梅', '玉兰'];
