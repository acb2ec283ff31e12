/** National code tables used by the member record. Labels are the official Chinese names. */

/** GB 3304 民族 — the 56 ethnic groups, plus 97 其他 and 98 外国血统中国籍人士. */
export const ETHNICITIES = [
  ['01', '汉族', 'Han'],
  ['02', '蒙古族', 'Mongolian'],
  ['03', '回族', 'Hui'],
  ['04', '藏族', 'Tibetan'],
  ['05', '维吾尔族', 'Uyghur'],
  ['06', '苗族', 'Miao'],
  ['07', '彝族', 'Yi'],
  ['08', '壮族', 'Zhuang'],
  ['09', '布依族', 'Bouyei'],
  ['10', '朝鲜族', 'Korean'],
  ['11', '满族', 'Manchu'],
  ['12', '侗族', 'Dong'],
  ['13', '瑶族', 'Yao'],
  ['14', '白族', 'Bai'],
  ['15', '土家族', 'Tujia'],
  ['16', '哈尼族', 'Hani'],
  ['17', '哈萨克族', 'Kazakh'],
  ['18', '傣族', 'Dai'],
  ['19', '黎族', 'Li'],
  ['20', '傈僳族', 'Lisu'],
  ['21', '佤族', 'Va'],
  ['22', '畲族', 'She'],
  ['23', '高山族', 'Gaoshan'],
  ['24', '拉祜族', 'Lahu'],
  ['25', '水族', 'Sui'],
  ['26', '东乡族', 'Dongxiang'],
  ['27', '纳西族', 'Nakhi'],
  ['28', '景颇族', 'Jingpo'],
  ['29', '柯尔克孜族', 'Kyrgyz'],
  ['30', '土族', 'Tu'],
  ['31', '达斡尔族', 'Daur'],
  ['32', '仫佬族', 'Mulao'],
  ['33', '羌族', 'Qiang'],
  ['34', '布朗族', 'Blang'],
  ['35', '撒拉族', 'Salar'],
  ['36', '毛南族', 'Maonan'],
  ['37', '仡佬族', 'Gelao'],
  ['38', '锡伯族', 'Xibe'],
  ['39', '阿昌族', 'Achang'],
  ['40', '普米族', 'Pumi'],
  ['41', '塔吉克族', 'Tajik'],
  ['42', '怒族', 'Nu'],
  ['43', '乌孜别克族', 'Uzbek'],
  ['44', '俄罗斯族', 'Russian'],
  ['45', '鄂温克族', 'Evenk'],
  ['46', '德昂族', 'Deang'],
  ['47', '保安族', 'Bonan'],
  ['48', '裕固族', 'Yugur'],
  ['49', '京族', 'Gin'],
  ['50', '塔塔尔族', 'Tatar'],
  ['51', '独龙族', 'Derung'],
  ['52', '鄂伦春族', 'Oroqen'],
  ['53', '赫哲族', 'Hezhen'],
  ['54', '门巴族', 'Monba'],
  ['55', '珞巴族', 'Lhoba'],
  ['56', '基诺族', 'Jino'],
  ['97', '其他', 'Other'],
  ['98', '外国血统中国籍人士', 'Chinese citizen of foreign origin'],
] as const;
export type EthnicityCode = (typeof ETHNICITIES)[number][0];
export const ETHNICITY_CODES = ETHNICITIES.map((e) => e[0]) as [EthnicityCode, ...EthnicityCode[]];

/** GB/T 4658 学历, at the level the party statistics count (毕业 codes). */
export const EDUCATION_LEVELS = [
  ['11', '博士研究生', 'Doctorate'],
  ['14', '硕士研究生', "Master's degree"],
  ['21', '大学本科', "Bachelor's degree"],
  ['31', '大学专科', 'College (associate)'],
  ['41', '中等专科', 'Secondary vocational'],
  ['47', '技工学校', 'Technical school'],
  ['61', '普通高中', 'Senior high school'],
  ['71', '初中', 'Junior high school'],
  ['81', '小学', 'Primary school'],
  ['90', '其他', 'Other'],
] as const;
export type EducationCode = (typeof EDUCATION_LEVELS)[number][0];
export const EDUCATION_CODES = EDUCATION_LEVELS.map((e) => e[0]) as [EducationCode, ...EducationCode[]];
/** 大专及以上 — the share the statistics report. */
export const COLLEGE_OR_ABOVE: readonly EducationCode[] = ['11', '14', '21', '31'];

/** 党统 occupation classes (工作岗位) used in the annual statistics. */
export const JOB_CATEGORIES = [
  ['worker', '工人（工勤技能人员）', 'Worker'],
  ['farmer', '农牧渔民', 'Farmer or herder'],
  ['professional', '专业技术人员', 'Professional or technical staff'],
  ['manager', '企事业单位管理人员', 'Manager'],
  ['civil_servant', '党政机关工作人员', 'Party or government staff'],
  ['student', '学生', 'Student'],
  ['other', '其他职业人员', 'Other occupation'],
  ['retired', '离退休人员', 'Retired'],
] as const;
export type JobCategory = (typeof JOB_CATEGORIES)[number][0];
export const JOB_CATEGORY_CODES = JOB_CATEGORIES.map((e) => e[0]) as [JobCategory, ...JobCategory[]];
