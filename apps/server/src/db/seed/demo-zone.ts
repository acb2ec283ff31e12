import type { OrgDomain, OrgType } from '@red-engine/shared';

export type DemoOrg = {
  key: string;
  name: string;
  shortName?: string;
  type: OrgType;
  domain: OrgDomain;
  children?: DemoOrg[];
  groups?: number;
};

const branch = (key: string, name: string, domain: OrgDomain, type: OrgType = 'branch'): DemoOrg => ({
  key,
  name,
  type,
  domain,
});

/** The zone's agencies, each with its own branch of the administrative committee. */
export const GOVERNMENT_AGENCIES = [
  '党政办公室',
  '发展局',
  '财政局',
  '经济发展局',
  '规划建设局',
  '生态环境分局',
  '安全生产监督管理局',
  '招商服务局',
  '社会事业局',
  '政务服务中心',
  '市场监督管理所',
  '综合执法大队',
] as const;

/** The zone of the source document: 2 administrative committees, 5 enterprise committees, 101 branches. */
export function demoZone(): DemoOrg {
  const government = GOVERNMENT_AGENCIES.map((n, i) => branch(`gov-${i + 1}`, `开发区${n}党支部`, 'government'));
  const community = [
    ['棋盘井社区', 'community'],
    ['新华社区', 'community'],
    ['团结社区', 'community'],
    ['民主社区', 'community'],
    ['西环社区', 'community'],
    ['北园社区', 'community'],
    ['包日塔拉嘎查', 'village'],
    ['阿尔巴斯嘎查', 'village'],
    ['乌兰胡舒嘎查', 'village'],
    ['都斯图嘎查', 'village'],
  ].map(([n, d], i) => branch(`com-${i + 1}`, `${n}党支部`, d as OrgDomain));
  const enterprises: [string, string, string[]][] = [
    [
      'dianye',
      '鄂尔多斯电冶公司',
      [
        '硅铁一分厂',
        '硅铁二分厂',
        '电石厂',
        '动力车间',
        '机修车间',
        '质检中心',
        '供销公司',
        '机关',
        '技术中心',
        '安环部',
      ],
    ],
    [
      'xingguang',
      '星光集团',
      [
        '洗煤厂',
        '焦化厂',
        '发电厂',
        '运输公司',
        '机关',
        '物资供应部',
        '安全生产部',
        '技术研发部',
        '后勤服务部',
        '工程项目部',
      ],
    ],
    [
      'shuangxin',
      '双欣集团',
      [
        '电石分公司',
        'PVC分公司',
        '热电分公司',
        '水泥分公司',
        '机关',
        '化工研究院',
        '物流公司',
        '检修中心',
        '销售公司',
        '安全环保部',
      ],
    ],
    [
      'mengxi',
      '蒙西高新技术集团',
      [
        '水泥一厂',
        '水泥二厂',
        '热电厂',
        '矿山分公司',
        '机关',
        '物流分公司',
        '新材料研究所',
        '设备维修中心',
        '营销中心',
        '安全监察部',
      ],
    ],
    [
      'junzheng',
      '君正能源化工公司',
      [
        '氯碱分厂',
        '电石分厂',
        '热电分厂',
        '硅铁分厂',
        '机关',
        '质量管理部',
        '设备动力部',
        '安全环保部',
        '物资公司',
        '技术中心',
      ],
    ],
  ];
  const enterpriseCommittees: DemoOrg[] = enterprises.map(([key, name, units]) => ({
    key,
    name: `中共${name}委员会`,
    shortName: `${name}党委`,
    type: 'party_committee',
    domain: 'private_enterprise',
    children: units.map((u, i) => branch(`${key}-${i + 1}`, `${name}${u}党支部`, 'private_enterprise')),
  }));
  const smallEnterprises = [
    '亿利化工',
    '泰和煤焦',
    '天宇冶金',
    '鑫源建材',
    '华恒能源',
    '宏达物流',
    '金牛煤电',
    '东源科技',
    '博源化工',
    '蒙欣新材料',
    '恒通机械',
    '富达硅业',
    '中盛环保',
    '圣圆能源',
    '德晟冶金',
  ].map((n, i) => branch(`sme-${i + 1}`, `${n}公司党支部`, 'private_enterprise'));
  const joint = ['第一', '第二', '第三', '第四'].map((n, i) =>
    branch(`joint-${i + 1}`, `开发区非公企业${n}联合党支部`, 'private_enterprise', 'joint_branch'),
  );
  const social = [
    branch('soc-1', '开发区商会党支部', 'social_organization'),
    branch('soc-2', '开发区物流协会党支部', 'social_organization'),
  ];
  const projects = [
    '年产40万吨PVC项目',
    '硅铁节能改造项目',
    '2×350MW热电联产项目',
    '年产60万吨电石项目',
    '煤焦油深加工项目',
    '工业固废综合利用项目',
    '新能源储能电站项目',
    '园区供水管网工程',
  ].map((n, i) => branch(`proj-${i + 1}`, `${n}临时党支部`, 'private_enterprise', 'temporary_branch'));

  return {
    key: 'root',
    name: '中共鄂托克经济开发区工作委员会',
    shortName: '开发区党工委',
    type: 'work_committee',
    domain: 'government',
    children: [
      {
        key: 'gov',
        name: '中共鄂托克经济开发区机关委员会',
        shortName: '开发区机关党委',
        type: 'party_committee',
        domain: 'government',
        children: government,
      },
      {
        key: 'community',
        name: '中共鄂托克经济开发区社区委员会',
        shortName: '开发区社区党委',
        type: 'party_committee',
        domain: 'community',
        children: community,
      },
      ...enterpriseCommittees,
      ...smallEnterprises,
      ...joint,
      ...social,
      ...projects,
    ],
  };
}

export const DEMO_PASSWORD = 'RedEngine@2026';

export type DemoAccount = {
  username: string;
  displayName: string;
  role: 'zone_admin' | 'org_admin' | 'member' | 'viewer' | 'checkin_staff';
  orgKey: string;
  note: string;
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '王建华', role: 'zone_admin', orgKey: 'root', note: '党工委管理员 / zone admin' },
  {
    username: 'xingguang',
    displayName: '李志强',
    role: 'org_admin',
    orgKey: 'xingguang',
    note: '星光集团党委组织管理员 / enterprise committee admin',
  },
  {
    username: 'secretary',
    displayName: '张丽',
    role: 'org_admin',
    orgKey: 'xingguang-1',
    note: '洗煤厂党支部书记 / branch secretary',
  },
  { username: 'member', displayName: '巴特尔', role: 'member', orgKey: 'xingguang-1', note: '党员 / member' },
  { username: 'leader', displayName: '刘继英', role: 'viewer', orgKey: 'root', note: '领导查看 / leader (read-only)' },
  {
    username: 'checkin',
    displayName: '赵敏',
    role: 'checkin_staff',
    orgKey: 'xingguang-1',
    note: '签到员 / check-in staff',
  },
];

export function printDemoAccounts(log: (s: string) => void = console.log) {
  log(`演示账号 / Demo accounts (密码 password: ${DEMO_PASSWORD})`);
  for (const a of DEMO_ACCOUNTS) log(`  ${a.username.padEnd(10)} ${a.displayName}  ${a.note}`);
}
