/**
 * Responsibility list (事项清单 / 权责清单) of the demo district 云溪区, in the manner of Shenzhen Pingshan's
 * 512-item list: each item names a matter enterprises raise, the words they use for it, the department and
 * tier that own it, its legal basis and its deadline class. The government side routes requests by it, so an
 * enterprise need not know the org chart. Hand-written labelled data, not generated, and not tuned to any
 * matcher.
 *
 * legalBasis names the real law or regulation; an article is given only where it is known for certain,
 * otherwise only the law is named. Where the matter rests on policy documents rather than a law, the
 * document is named as such.
 *
 * tier uses the codes of TIERS in core/contract/catalog.ts ('district' | 'street' | 'community'; the list has
 * no 'park' tier): matters a street office (街道) handles itself are 'street', matters of a community's own
 * surroundings are 'community', everything else is 'district'.
 *
 * Departments: the demo district has only two departments, 区自然资源局 (dep-zrzy) and 区住房和城乡建设局
 * (dep-zjj). A full district would need, in addition:
 *   区市场监督管理局（含知识产权）, 区税务局, 区人力资源和社会保障局（含劳动人事争议仲裁院、公共就业服务中心）,
 *   区发展和改革局, 区工业和信息化局（中小企业主管部门）, 区科学技术局, 市生态环境局云溪分局, 区行政审批局 /
 *   区政务服务中心, 区财政局, 区交通运输局, 公安局交通警察大队, 区城市管理综合执法局, 区司法局（公共法律服务中心）,
 *   区公共资源交易中心, 区地方金融服务中心, 区农业农村局, 区消防救援大队, 区12345热线办, and the utilities
 *   国网云溪供电中心, 云溪供水公司, 管道燃气企业 (not government departments, but routed to like one).
 * Until then, items owned by a missing department carry the closest existing one as a placeholder
 * departmentId: dep-zrzy for land, property, surveying and agricultural-land matters, dep-zjj for everything
 * else (construction, utilities, municipal works, and as the general fallback); the field `owner` always names
 * the department that owns the item in a real district.
 *
 * category is a leaf of the two-level taxonomy (core/contract/taxonomy.ts): each item hangs from one 小类.
 */
import type { CategoryCode, Tier } from '../contract/catalog';

export interface ResponsibilityItem {
  _id: string;
  name: string;
  category: CategoryCode;
  keywords: string[];
  /** 2–3 ways enterprises describe it */
  phrasings: string[];
  /** a department org id of the demo district (see the header for placeholders) */
  departmentId: string;
  /** the department that owns the item in a real district */
  owner: string;
  tier: Tier;
  legalBasis: string;
  deadlineClass: 'simple' | 'normal' | 'complex';
}

export const RESPONSIBILITY_ITEMS: ResponsibilityItem[] = [
  // ── 开办企业 ──
  {
    _id: 'ri-001', name: '企业设立登记', category: 'kaiban',
    keywords: ['营业执照', '设立登记', '注册公司', '名称申报', '企业开办'],
    phrasings: ['想注册个公司', '新开厂子办执照', '个体户转公司怎么登记'],
    departmentId: 'dep-zjj', owner: '区市场监督管理局', tier: 'district',
    legalBasis: '《中华人民共和国市场主体登记管理条例》', deadlineClass: 'simple',
  },
  {
    _id: 'ri-002', name: '企业变更登记（名称、住所、法定代表人、经营范围、注册资本、股东）', category: 'kaiban',
    keywords: ['变更登记', '地址变更', '法人变更', '经营范围', '增资', '股权转让'],
    phrasings: ['公司搬家执照地址要改', '换法人', '执照上加个经营项目'],
    departmentId: 'dep-zjj', owner: '区市场监督管理局', tier: 'district',
    legalBasis: '《中华人民共和国市场主体登记管理条例》第二十四条', deadlineClass: 'simple',
  },
  {
    _id: 'ri-003', name: '企业注销登记（含简易注销）', category: 'kaiban',
    keywords: ['注销', '简易注销', '清算', '清税', '公司关闭'],
    phrasings: ['公司不干了要销户', '执照怎么注销', '注销要先去税务吗'],
    departmentId: 'dep-zjj', owner: '区市场监督管理局', tier: 'district',
    legalBasis: '《中华人民共和国市场主体登记管理条例》；《中华人民共和国公司法》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-004', name: '营业执照遗失、毁损补领', category: 'kaiban',
    keywords: ['执照补领', '执照丢失', '遗失声明', '副本补办', '电子营业执照'],
    phrasings: ['执照丢了', '营业执照坏了能换吗', '补办执照要登报吗'],
    departmentId: 'dep-zjj', owner: '区市场监督管理局', tier: 'district',
    legalBasis: '《中华人民共和国市场主体登记管理条例实施细则》', deadlineClass: 'simple',
  },
  {
    _id: 'ri-005', name: '新办企业公章刻制、发票申领、社保与公积金登记一并办理', category: 'kaiban',
    keywords: ['刻章', '公章', '首次领票', '税控', '社保开户', '公积金开户', '银行开户'],
    phrasings: ['刻章要花钱吗', '新公司第一次领发票', '开户社保公积金要跑几个地方'],
    departmentId: 'dep-zjj', owner: '区政务服务中心（企业开办专区）', tier: 'district',
    legalBasis: '《优化营商环境条例》', deadlineClass: 'simple',
  },

  // ── 项目建设与用地 / 办理建筑许可 (前期手续 included) ──
  {
    _id: 'ri-006', name: '企业投资项目备案', category: 'jianzhu',
    keywords: ['项目备案', '立项', '项目代码', '投资备案', '备案证明'],
    phrasings: ['新项目要立项', '上生产线先备案吗', '项目代码在哪拿'],
    departmentId: 'dep-zjj', owner: '区发展和改革局', tier: 'district',
    legalBasis: '《企业投资项目核准和备案管理条例》', deadlineClass: 'simple',
  },
  {
    _id: 'ri-007', name: '固定资产投资项目节能审查', category: 'jianzhu',
    keywords: ['节能审查', '能评', '能耗', '节能报告'],
    phrasings: ['项目要做能评吗', '能耗指标不够', '节能报告找谁审'],
    departmentId: 'dep-zjj', owner: '区发展和改革局', tier: 'district',
    legalBasis: '《固定资产投资项目节能审查办法》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-008', name: '重点项目前期手续帮办代办', category: 'jianzhu',
    keywords: ['帮办', '代办', '前期手续', '重点项目', '并联审批', '拿地即开工'],
    phrasings: ['项目手续太多不会办', '找人帮跑审批', '想拿地就开工'],
    departmentId: 'dep-zjj', owner: '区行政审批局（项目帮办中心）', tier: 'district',
    legalBasis: '《优化营商环境条例》', deadlineClass: 'complex',
  },
  {
    _id: 'ri-009', name: '建设用地规划许可', category: 'jianzhu',
    keywords: ['用地规划许可', '规划条件', '用地规划', '规划红线'],
    phrasings: ['拿了地先办哪个规划证', '用地规划许可证', '规划条件怎么出'],
    departmentId: 'dep-zrzy', owner: '区自然资源局', tier: 'district',
    legalBasis: '《中华人民共和国城乡规划法》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-010', name: '建设工程规划许可', category: 'jianzhu',
    keywords: ['工程规划许可', '工规证', '设计方案审查', '总平面图', '规划许可证'],
    phrasings: ['工规证怎么报', '设计方案审查卡住了', '厂房规划许可多久下来'],
    departmentId: 'dep-zrzy', owner: '区自然资源局', tier: 'district',
    legalBasis: '《中华人民共和国城乡规划法》第四十条', deadlineClass: 'normal',
  },
  {
    _id: 'ri-011', name: '施工图设计文件审查', category: 'jianzhu',
    keywords: ['施工图审查', '审图', '图审', '施工图'],
    phrasings: ['审图一直不过', '施工图审查要多久', '图审意见看不懂'],
    departmentId: 'dep-zjj', owner: '区住房和城乡建设局', tier: 'district',
    legalBasis: '《建设工程质量管理条例》第十一条', deadlineClass: 'normal',
  },
  {
    _id: 'ri-012', name: '建筑工程施工许可', category: 'jianzhu',
    keywords: ['施工许可', '施工证', '开工', '建筑工程', '低风险项目'],
    phrasings: ['车间开工要办施工证', '施工许可证办不下来', '小库房要不要施工许可'],
    departmentId: 'dep-zjj', owner: '区住房和城乡建设局', tier: 'district',
    legalBasis: '《中华人民共和国建筑法》第七条、第八条', deadlineClass: 'normal',
  },
  {
    _id: 'ri-013', name: '特殊建设工程消防设计审查', category: 'jianzhu',
    keywords: ['消防设计审查', '消防审图', '特殊建设工程', '甲乙类厂房'],
    phrasings: ['仓库消防设计要审吗', '消防图纸送哪审', '人员密集场所消防审查'],
    departmentId: 'dep-zjj', owner: '区住房和城乡建设局', tier: 'district',
    legalBasis: '《中华人民共和国消防法》第十一条', deadlineClass: 'normal',
  },
  {
    _id: 'ri-014', name: '建设工程消防验收及备案抽查', category: 'jianzhu',
    keywords: ['消防验收', '消防备案', '消防抽查', '现场评定'],
    phrasings: ['仓库消防验收排不上', '消防验收哪天来', '消防备案被抽中了'],
    departmentId: 'dep-zjj', owner: '区住房和城乡建设局', tier: 'district',
    legalBasis: '《中华人民共和国消防法》第十三条', deadlineClass: 'normal',
  },
  {
    _id: 'ri-015', name: '工程竣工联合验收及竣工验收备案', category: 'jianzhu',
    keywords: ['竣工验收', '联合验收', '验收备案', '规划核实', '人防验收'],
    phrasings: ['车间盖好了怎么验收', '联合验收怎么约', '竣工备案要啥'],
    departmentId: 'dep-zjj', owner: '区住房和城乡建设局', tier: 'district',
    legalBasis: '《建设工程质量管理条例》第四十九条', deadlineClass: 'normal',
  },
  {
    _id: 'ri-016', name: '建筑垃圾（渣土）处置核准', category: 'jianzhu',
    keywords: ['建筑垃圾', '渣土', '消纳', '处置证'],
    phrasings: ['工地渣土往哪拉', '建筑垃圾处置证', '拆旧厂房垃圾怎么处理'],
    departmentId: 'dep-zjj', owner: '区城市管理综合执法局', tier: 'district',
    legalBasis: '《城市建筑垃圾管理规定》', deadlineClass: 'simple',
  },

  // ── 水电气热 / 获得电力, 获得用水用气供热 (供水, 排水管网 included) ──
  {
    _id: 'ri-017', name: '低压新装用电（小微企业“三零”服务）', category: 'dianli',
    keywords: ['新装', '报装', '低压', '接电', '电表', '380'],
    phrasings: ['新租的厂房没电', '拉一路电进来', '小店装电表'],
    departmentId: 'dep-zjj', owner: '国网云溪供电中心', tier: 'district',
    legalBasis: '《供电营业规则》', deadlineClass: 'simple',
  },
  {
    _id: 'ri-018', name: '高压新装及增容（专用变压器报装）', category: 'dianli',
    keywords: ['增容', '扩容', '专变', '变压器', '高压', '10kV', '千伏安', 'KVA', '供电方案'],
    phrasings: ['变压器不够用要加容量', '新厂房上专变', '供电方案一直不出'],
    departmentId: 'dep-zjj', owner: '国网云溪供电中心', tier: 'district',
    legalBasis: '《供电营业规则》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-019', name: '电力外线工程涉及的规划、占路、挖掘、绿地并联审批', category: 'dianli',
    keywords: ['外线工程', '电缆', '占路', '挖掘', '并联审批'],
    phrasings: ['电缆要过马路审批太慢', '接电要挖路', '线路走绿化带'],
    departmentId: 'dep-zjj', owner: '区行政审批局（水电气联合报装窗口）', tier: 'district',
    legalBasis: '《国家发展改革委 国家能源局关于全面提升“获得电力”服务水平 持续优化用电营商环境的意见》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-020', name: '电费电价、基本电费计收方式及电能计量争议', category: 'dianli',
    keywords: ['电费', '电价', '基本电费', '需量', '峰谷', '力调电费', '电表校验'],
    phrasings: ['电费突然多了', '基本电费按需量', '电表不准'],
    departmentId: 'dep-zjj', owner: '国网云溪供电中心（区发展和改革局价格监管）', tier: 'district',
    legalBasis: '《电力供应与使用条例》', deadlineClass: 'simple',
  },
  {
    _id: 'ri-021', name: '分布式光伏并网服务', category: 'dianli',
    keywords: ['光伏', '并网', '分布式', '余电上网', '接入方案', 'MW'],
    phrasings: ['屋顶光伏并不了网', '光伏接入方案', '自发自用余电上网'],
    departmentId: 'dep-zjj', owner: '国网云溪供电中心', tier: 'district',
    legalBasis: '《中华人民共和国可再生能源法》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-022', name: '停电抢修、计划停电通知与频繁停电治理', category: 'dianli',
    keywords: ['停电', '断电', '跳闸', '计划停电', '抢修', '线路故障', '95598'],
    phrasings: ['老是停电', '停电不通知', '线路故障一周停几次'],
    departmentId: 'dep-zjj', owner: '国网云溪供电中心', tier: 'district',
    legalBasis: '《电力供应与使用条例》第二十八条', deadlineClass: 'simple',
  },
  {
    _id: 'ri-023', name: '供水报装', category: 'shuiqi',
    keywords: ['供水', '用水报装', '水表', '自来水', '接水'],
    phrasings: ['新厂区接自来水', '装水表', '用水开户'],
    departmentId: 'dep-zjj', owner: '云溪供水公司（区住房和城乡建设局监管）', tier: 'district',
    legalBasis: '《城市供水条例》', deadlineClass: 'simple',
  },
  {
    _id: 'ri-024', name: '管道燃气报装', category: 'shuiqi',
    keywords: ['燃气', '天然气', '用气报装', '燃气锅炉', '开户'],
    phrasings: ['接天然气', '工业用气开户', '锅炉要通气'],
    departmentId: 'dep-zjj', owner: '管道燃气企业（区住房和城乡建设局监管）', tier: 'district',
    legalBasis: '《城镇燃气管理条例》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-025', name: '集中供热接入及供热质量', category: 'shuiqi',
    keywords: ['供热', '暖气', '采暖', '热力', '供暖温度'],
    phrasings: ['办公楼接暖气', '暖气不热', '供热开户'],
    departmentId: 'dep-zjj', owner: '区住房和城乡建设局（供热企业）', tier: 'district',
    legalBasis: '《优化营商环境条例》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-026', name: '城镇污水排入排水管网许可', category: 'shuiqi',
    keywords: ['排水许可', '排水证', '污水排入', '管网接驳', '隔油池'],
    phrasings: ['饭店要办排水证', '污水接市政管道', '排水证到期'],
    departmentId: 'dep-zjj', owner: '区住房和城乡建设局', tier: 'district',
    legalBasis: '《城镇排水与污水处理条例》第二十一条', deadlineClass: 'normal',
  },
  {
    _id: 'ri-027', name: '市政供水水压、水质问题处置', category: 'shuiqi',
    keywords: ['水压', '水压低', '停水', '水质', '水发黄', '二次供水'],
    phrasings: ['白天水压上不去', '自来水发黄', '突然停水'],
    departmentId: 'dep-zjj', owner: '云溪供水公司（区住房和城乡建设局监管）', tier: 'district',
    legalBasis: '《城市供水条例》', deadlineClass: 'simple',
  },
  {
    _id: 'ri-028', name: '市政排水设施堵塞、污水井冒溢、井盖破损处置', category: 'shuiqi',
    keywords: ['污水井', '冒水', '下水道', '堵塞', '井盖', '积水', '疏通'],
    phrasings: ['路边污水井冒黑水', '下水道堵了', '井盖压碎了'],
    departmentId: 'dep-zjj', owner: '区城市管理综合执法局（市政设施）', tier: 'street',
    legalBasis: '《城镇排水与污水处理条例》', deadlineClass: 'simple',
  },

  // ── 登记财产 ──
  {
    _id: 'ri-029', name: '不动产首次登记（新建厂房）', category: 'caichan',
    keywords: ['首次登记', '房产证', '不动产权证', '竣工即办证', '测绘'],
    phrasings: ['新厂房办房本', '验收完了办产权证', '厂房产权证多久下来'],
    departmentId: 'dep-zrzy', owner: '区自然资源局（不动产登记中心）', tier: 'district',
    legalBasis: '《不动产登记暂行条例》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-030', name: '不动产转移登记（厂房、土地买卖）', category: 'caichan',
    keywords: ['转移登记', '过户', '厂房买卖', '契税', '分割转让'],
    phrasings: ['买了厂房过户', '土地转让办证', '厂房能不能分割卖'],
    departmentId: 'dep-zrzy', owner: '区自然资源局（不动产登记中心）', tier: 'district',
    legalBasis: '《不动产登记暂行条例》第二十条', deadlineClass: 'normal',
  },
  {
    _id: 'ri-031', name: '不动产抵押登记及注销', category: 'caichan',
    keywords: ['抵押登记', '抵押注销', '解押', '带押过户', '银行抵押'],
    phrasings: ['厂房押给银行贷款', '贷款还完解押', '续贷抵押变更'],
    departmentId: 'dep-zrzy', owner: '区自然资源局（不动产登记中心）', tier: 'district',
    legalBasis: '《中华人民共和国民法典》第四百零二条；《不动产登记暂行条例》', deadlineClass: 'simple',
  },
  {
    _id: 'ri-032', name: '历史遗留不动产登记问题处置', category: 'caichan',
    keywords: ['历史遗留', '手续不全', '办不了证', '补办房产证', '老厂房'],
    phrasings: ['老厂房一直没证', '当年手续不全现在办证', '没证抵押不了'],
    departmentId: 'dep-zrzy', owner: '区自然资源局（会同住建、税务）', tier: 'district',
    legalBasis: '《不动产登记暂行条例》', deadlineClass: 'complex',
  },

  // ── 纳税及社保 ──
  {
    _id: 'ri-033', name: '发票领用及数电发票额度调整', category: 'nashui',
    keywords: ['发票', '专票', '数电票', '额度', '增版增量', '开票'],
    phrasings: ['发票额度不够', '专票开不出来', '数电票授信额度'],
    departmentId: 'dep-zjj', owner: '区税务局', tier: 'district',
    legalBasis: '《中华人民共和国发票管理办法》', deadlineClass: 'simple',
  },
  {
    _id: 'ri-034', name: '增值税留抵退税', category: 'nashui',
    keywords: ['留抵退税', '留抵', '增量留抵', '退税'],
    phrasings: ['进项多能退税吗', '留抵钱压着', '退税审核慢'],
    departmentId: 'dep-zjj', owner: '区税务局', tier: 'district',
    legalBasis: '《财政部 税务总局 海关总署关于深化增值税改革有关政策的公告》（2019年第39号）', deadlineClass: 'normal',
  },
  {
    _id: 'ri-035', name: '出口退（免）税审核', category: 'nashui',
    keywords: ['出口退税', '退免税', '外贸', '出口'],
    phrasings: ['出口退税一直审核中', '外贸退税慢', '出口退税备案'],
    departmentId: 'dep-zjj', owner: '区税务局', tier: 'district',
    legalBasis: '《出口货物劳务增值税和消费税管理办法》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-036', name: '软件产品增值税即征即退', category: 'nashui',
    keywords: ['即征即退', '软件产品', '增值税退税', '软著'],
    phrasings: ['软件即征即退没到', '软件企业退税', '即征即退慢'],
    departmentId: 'dep-zjj', owner: '区税务局', tier: 'district',
    legalBasis: '《财政部 国家税务总局关于软件产品增值税政策的通知》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-037', name: '研发费用加计扣除及高新技术企业税收优惠', category: 'nashui',
    keywords: ['加计扣除', '研发费用', '所得税优惠', '15%', '辅助账'],
    phrasings: ['研发投入能多扣', '高企所得税减免', '加计扣除怎么填'],
    departmentId: 'dep-zjj', owner: '区税务局', tier: 'district',
    legalBasis: '《中华人民共和国企业所得税法》第二十八条、第三十条', deadlineClass: 'simple',
  },
  {
    _id: 'ri-038', name: '单位社会保险登记及社保费缴纳', category: 'nashui',
    keywords: ['社保', '参保登记', '增员', '减员', '社保费', '缴费基数'],
    phrasings: ['新员工上社保', '社保在哪交', '社保基数怎么报'],
    departmentId: 'dep-zjj', owner: '区人力资源和社会保障局（征收：区税务局）', tier: 'district',
    legalBasis: '《中华人民共和国社会保险法》第五十八条', deadlineClass: 'simple',
  },
  {
    _id: 'ri-039', name: '纳税信用评价复评及信用修复', category: 'nashui',
    keywords: ['纳税信用', '信用修复', 'D级', '复评', '非正常户'],
    phrasings: ['纳税信用被评了D级', '非正常户解除', '信用等级影响贷款'],
    departmentId: 'dep-zjj', owner: '区税务局', tier: 'district',
    legalBasis: '《纳税信用管理办法》', deadlineClass: 'normal',
  },

  // ── 劳动力市场监管 ──
  {
    _id: 'ri-040', name: '劳动人事争议仲裁', category: 'laodong',
    keywords: ['劳动仲裁', '劳动争议', '仲裁', '辞退', '双倍工资', '经济补偿'],
    phrasings: ['员工去仲裁了', '离职员工闹纠纷', '仲裁怎么应诉'],
    departmentId: 'dep-zjj', owner: '区劳动人事争议仲裁院（区人社局）', tier: 'district',
    legalBasis: '《中华人民共和国劳动争议调解仲裁法》第二十七条', deadlineClass: 'complex',
  },
  {
    _id: 'ri-041', name: '综合计算工时和不定时工作制审批', category: 'laodong',
    keywords: ['综合工时', '不定时工作制', '特殊工时', '倒班', '加班'],
    phrasings: ['三班倒要审批吗', '综合工时申请', '司机不定时工作制'],
    departmentId: 'dep-zjj', owner: '区人力资源和社会保障局', tier: 'district',
    legalBasis: '《中华人民共和国劳动法》第三十九条', deadlineClass: 'normal',
  },
  {
    _id: 'ri-042', name: '工伤认定', category: 'laodong',
    keywords: ['工伤', '工伤认定', '受伤', '职业病', '工伤保险'],
    phrasings: ['工人受伤报工伤', '上班路上摔了算不算工伤', '工伤多久内报'],
    departmentId: 'dep-zjj', owner: '区人力资源和社会保障局', tier: 'district',
    legalBasis: '《工伤保险条例》第十七条', deadlineClass: 'normal',
  },
  {
    _id: 'ri-043', name: '劳动保障监察（欠薪、未签合同等投诉）', category: 'laodong',
    keywords: ['欠薪', '拖欠工资', '劳动监察', '农民工工资', '劳动合同'],
    phrasings: ['分包老板跑了工人工资没发', '工人来厂里讨薪', '劳动监察来查'],
    departmentId: 'dep-zjj', owner: '区人力资源和社会保障局（劳动保障监察大队）', tier: 'district',
    legalBasis: '《保障农民工工资支付条例》；《劳动保障监察条例》', deadlineClass: 'complex',
  },
  {
    _id: 'ri-044', name: '劳务派遣经营许可', category: 'laodong',
    keywords: ['劳务派遣', '派遣许可', '人力资源服务'],
    phrasings: ['办劳务派遣证', '派遣许可证延续', '人力公司资质'],
    departmentId: 'dep-zjj', owner: '区人力资源和社会保障局', tier: 'district',
    legalBasis: '《中华人民共和国劳动合同法》第五十七条', deadlineClass: 'normal',
  },

  // ── 用工招聘 ──
  {
    _id: 'ri-045', name: '企业用工招聘对接（专场招聘、校企合作、劳务协作）', category: 'yonggong',
    keywords: ['招聘', '招工', '缺工', '普工', '技工', '招聘会', '校企合作', '订单培养'],
    phrasings: ['招不到人', '缺数控师傅', '招聘会能给个摊位吗'],
    departmentId: 'dep-zjj', owner: '区公共就业服务中心（区人社局）', tier: 'district',
    legalBasis: '《中华人民共和国就业促进法》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-046', name: '就业补贴（一次性扩岗补助、吸纳就业补贴、社保补贴）', category: 'yonggong',
    keywords: ['扩岗补助', '吸纳就业', '就业补贴', '高校毕业生', '社保补贴'],
    phrasings: ['招应届生有补贴吗', '就业补贴没到', '扩岗补助怎么领'],
    departmentId: 'dep-zjj', owner: '区公共就业服务中心（区人社局）', tier: 'district',
    legalBasis: '《中华人民共和国就业促进法》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-047', name: '职业技能培训及培训补贴', category: 'yonggong',
    keywords: ['技能培训', '培训补贴', '以工代训', '职业技能等级', '证书'],
    phrasings: ['员工培训有补贴吗', '电工证培训', '技能等级认定'],
    departmentId: 'dep-zjj', owner: '区人力资源和社会保障局', tier: 'district',
    legalBasis: '《中华人民共和国就业促进法》', deadlineClass: 'normal',
  },

  // ── 招标投标 ──
  {
    _id: 'ri-048', name: '招标投标活动投诉处理', category: 'zhaobiao',
    keywords: ['招标投诉', '异议', '评标', '中标结果', '围标串标'],
    phrasings: ['中标结果不公', '怀疑围标', '评标有问题'],
    departmentId: 'dep-zjj', owner: '区住房和城乡建设局等行业监督部门（区发展和改革局指导协调）', tier: 'district',
    legalBasis: '《中华人民共和国招标投标法实施条例》第六十条', deadlineClass: 'complex',
  },
  {
    _id: 'ri-049', name: '招标文件设置不合理条件、排斥潜在投标人的处理', category: 'zhaobiao',
    keywords: ['设门槛', '排斥', '不合理条件', '资质要求', '本地业绩'],
    phrasings: ['招标要求取消了的资质', '只要本省业绩', '招标条件量身定做'],
    departmentId: 'dep-zjj', owner: '区发展和改革局（招投标指导协调）', tier: 'district',
    legalBasis: '《中华人民共和国招标投标法实施条例》第三十二条', deadlineClass: 'normal',
  },
  {
    _id: 'ri-050', name: '投标保证金、履约保证金退还', category: 'zhaobiao',
    keywords: ['保证金', '投标保证金', '履约保证金', '保函', '退还'],
    phrasings: ['没中标押金不退', '保证金多久退', '履约保证金到期不退'],
    departmentId: 'dep-zjj', owner: '区公共资源交易中心', tier: 'district',
    legalBasis: '《中华人民共和国招标投标法实施条例》第五十七条', deadlineClass: 'simple',
  },
  {
    _id: 'ri-051', name: '政府采购质疑与投诉', category: 'zhaobiao',
    keywords: ['政府采购', '质疑', '采购投诉', '供应商', '采购文件'],
    phrasings: ['政府采购不公平', '采购结果质疑', '采购文件限制品牌'],
    departmentId: 'dep-zjj', owner: '区财政局', tier: 'district',
    legalBasis: '《中华人民共和国政府采购法》第五十二条、第五十五条', deadlineClass: 'normal',
  },

  // ── 政务服务 ──
  {
    _id: 'ri-052', name: '政务服务帮办代办', category: 'zhengwu',
    keywords: ['帮办', '代办', '跑腿', '一件事', '预约'],
    phrasings: ['有没有人帮着跑手续', '代办服务', '办事不会填表'],
    departmentId: 'dep-zjj', owner: '区政务服务中心', tier: 'district',
    legalBasis: '《优化营商环境条例》', deadlineClass: 'simple',
  },
  {
    _id: 'ri-053', name: '政务服务“好差评”及办事推诿、多次跑腿投诉', category: 'zhengwu',
    keywords: ['差评', '推诿', '来回跑', '窗口', '办事难', '吃拿卡要'],
    phrasings: ['跑了好几趟没办成', '窗口互相推', '办事人员态度差'],
    departmentId: 'dep-zjj', owner: '区政务服务管理办公室', tier: 'district',
    legalBasis: '《优化营商环境条例》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-054', name: '网上办事法人账号注册与授权', category: 'zhengwu',
    keywords: ['法人账号', '授权', '政务服务网', '实名认证', '冀时办'],
    phrasings: ['网上办事登不上', '会计怎么用公司账号', '法人不在本地怎么授权'],
    departmentId: 'dep-zjj', owner: '区政务服务中心', tier: 'district',
    legalBasis: '《优化营商环境条例》', deadlineClass: 'simple',
  },
  {
    _id: 'ri-055', name: '民办职业培训学校办学许可', category: 'zhengwu',
    keywords: ['办学许可', '职业培训学校', '民办学校', '培训机构'],
    phrasings: ['办职业培训学校', '培训机构要什么许可', '办学许可证'],
    departmentId: 'dep-zjj', owner: '区人力资源和社会保障局', tier: 'district',
    legalBasis: '《中华人民共和国民办教育促进法》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-056', name: '检验检测机构资质认定协调', category: 'zhengwu',
    keywords: ['资质认定', 'CMA', '检验检测', '扩项'],
    phrasings: ['CMA扩项排队', '检测资质认定', '检验检测机构变更'],
    departmentId: 'dep-zjj', owner: '区市场监督管理局（向省市场监管局协调）', tier: 'district',
    legalBasis: '《检验检测机构资质认定管理办法》', deadlineClass: 'complex',
  },

  // ── 知识产权 ──
  {
    _id: 'ri-057', name: '商标侵权、假冒专利投诉举报', category: 'zhichan',
    keywords: ['侵权', '假货', '仿冒', '商标侵权', '假冒专利', '12315'],
    phrasings: ['有人卖我们的假货', '商标被仿冒', '盗用我们的产品图'],
    departmentId: 'dep-zjj', owner: '区市场监督管理局（知识产权）', tier: 'district',
    legalBasis: '《中华人民共和国商标法》第六十条；《中华人民共和国专利法》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-058', name: '专利侵权纠纷行政裁决', category: 'zhichan',
    keywords: ['专利侵权', '行政裁决', '外观专利', '实用新型', '发明专利'],
    phrasings: ['别人抄了我们的外观专利', '专利侵权怎么处理', '专利纠纷'],
    departmentId: 'dep-zjj', owner: '市知识产权管理部门（区市场监督管理局受理转办）', tier: 'district',
    legalBasis: '《中华人民共和国专利法》', deadlineClass: 'complex',
  },
  {
    _id: 'ri-059', name: '商标恶意抢注应对指导（异议、无效宣告）', category: 'zhichan',
    keywords: ['抢注', '商标异议', '无效宣告', '恶意注册'],
    phrasings: ['商标被人抢注了', '对方拿商标告我们', '申请商标无效'],
    departmentId: 'dep-zjj', owner: '区市场监督管理局（知识产权）', tier: 'district',
    legalBasis: '《中华人民共和国商标法》第三十二条', deadlineClass: 'complex',
  },
  {
    _id: 'ri-060', name: '专利奖励资助及知识产权质押融资', category: 'zhichan',
    keywords: ['专利奖励', '专利资助', '质押融资', '专利贷款', '商标质押'],
    phrasings: ['发明专利有奖励吗', '专利能贷款吗', '知识产权质押贴息'],
    departmentId: 'dep-zjj', owner: '区市场监督管理局（知识产权）', tier: 'district',
    legalBasis: '区知识产权专项资金管理办法（地方规范性文件）', deadlineClass: 'normal',
  },

  // ── 市场监管 ──
  {
    _id: 'ri-061', name: '食品经营许可及备案', category: 'shichang',
    keywords: ['食品经营许可', '餐饮', '预包装食品', '备案', '饭店'],
    phrasings: ['开饭店要办什么证', '卖预包装食品备案', '食品经营许可证'],
    departmentId: 'dep-zjj', owner: '区市场监督管理局', tier: 'district',
    legalBasis: '《中华人民共和国食品安全法》第三十五条', deadlineClass: 'normal',
  },
  {
    _id: 'ri-062', name: '食品生产许可（SC）申请、变更与延续', category: 'shichang',
    keywords: ['食品生产许可', 'SC证', '续证', '延续', '现场核查'],
    phrasings: ['SC证快到期了', '食品厂续证', '生产许可现场核查排不上'],
    departmentId: 'dep-zjj', owner: '区市场监督管理局（省市场监管局委托）', tier: 'district',
    legalBasis: '《中华人民共和国食品安全法》第三十五条；《食品生产许可管理办法》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-063', name: '医疗器械经营许可、生产备案及变更', category: 'shichang',
    keywords: ['医疗器械', '经营许可', '生产备案', '地址变更', '二类', '三类'],
    phrasings: ['医疗器械许可换地址', '器械备案变更', '搬厂后许可证'],
    departmentId: 'dep-zjj', owner: '区市场监督管理局', tier: 'district',
    legalBasis: '《医疗器械监督管理条例》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-064', name: '特种设备使用登记', category: 'shichang',
    keywords: ['特种设备', '叉车', '锅炉', '压力容器', '电梯', '起重机', '使用登记'],
    phrasings: ['叉车上牌', '锅炉登记', '新装电梯登记'],
    departmentId: 'dep-zjj', owner: '区市场监督管理局', tier: 'district',
    legalBasis: '《中华人民共和国特种设备安全法》第三十三条', deadlineClass: 'simple',
  },
  {
    _id: 'ri-065', name: '企业年度报告及经营异常名录移出', category: 'shichang',
    keywords: ['年报', '经营异常', '异常名录', '移出', '信用公示'],
    phrasings: ['忘报年报了', '被列异常了', '异常名录怎么解除'],
    departmentId: 'dep-zjj', owner: '区市场监督管理局', tier: 'district',
    legalBasis: '《企业信息公示暂行条例》第八条', deadlineClass: 'simple',
  },
  {
    _id: 'ri-066', name: '产品质量监督抽查结果异议及复检', category: 'shichang',
    keywords: ['抽检', '复检', '不合格', '标签', '产品质量'],
    phrasings: ['抽检不合格想复检', '标签被说不规范', '抽样有问题'],
    departmentId: 'dep-zjj', owner: '区市场监督管理局', tier: 'district',
    legalBasis: '《中华人民共和国产品质量法》第十五条', deadlineClass: 'normal',
  },

  // ── 包容普惠创新 ──
  {
    _id: 'ri-067', name: '高新技术企业认定辅导与推荐', category: 'baorong',
    keywords: ['高企', '高新技术企业', '认定', '研发占比', '科技人员'],
    phrasings: ['能报高企吗', '高新认定条件', '高企复审'],
    departmentId: 'dep-zjj', owner: '区科学技术局', tier: 'district',
    legalBasis: '《高新技术企业认定管理办法》；《中华人民共和国企业所得税法》第二十八条', deadlineClass: 'normal',
  },
  {
    _id: 'ri-068', name: '科技型中小企业评价入库', category: 'baorong',
    keywords: ['科技型中小企业', '科小', '入库', '评价'],
    phrasings: ['科小入库', '科技型企业评价', '入库编号'],
    departmentId: 'dep-zjj', owner: '区科学技术局', tier: 'district',
    legalBasis: '《科技型中小企业评价办法》', deadlineClass: 'simple',
  },
  {
    _id: 'ri-069', name: '专精特新中小企业培育与申报', category: 'baorong',
    keywords: ['专精特新', '小巨人', '创新型中小企业', '梯度培育'],
    phrasings: ['专精特新怎么报', '小巨人申报', '创新型中小企业评价'],
    departmentId: 'dep-zjj', owner: '区工业和信息化局', tier: 'district',
    legalBasis: '《优质中小企业梯度培育管理暂行办法》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-070', name: '轻微违法首违不罚、包容审慎监管', category: 'baorong',
    keywords: ['首违不罚', '轻微违法', '包容审慎', '免罚清单', '罚款'],
    phrasings: ['第一次被查就罚款', '轻微问题能不能不罚', '免罚清单'],
    departmentId: 'dep-zjj', owner: '区司法局（各执法部门执行）', tier: 'district',
    legalBasis: '《中华人民共和国行政处罚法》第三十三条', deadlineClass: 'normal',
  },

  // ── 融资 ──
  {
    _id: 'ri-071', name: '银企对接及信用贷款（银税互动、信易贷）', category: 'rongzi',
    keywords: ['贷款', '融资', '信用贷', '银税互动', '银企对接', '担保'],
    phrasings: ['没抵押贷不到款', '想贷点款周转', '政府担保公司'],
    departmentId: 'dep-zjj', owner: '区地方金融服务中心', tier: 'district',
    legalBasis: '《中华人民共和国中小企业促进法》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-072', name: '应急转贷（续贷过桥）资金', category: 'rongzi',
    keywords: ['转贷', '过桥', '续贷', '到期', '周转'],
    phrasings: ['贷款到期还不上', '过桥资金', '先还后续'],
    departmentId: 'dep-zjj', owner: '区地方金融服务中心', tier: 'district',
    legalBasis: '《中华人民共和国中小企业促进法》', deadlineClass: 'simple',
  },
  {
    _id: 'ri-073', name: '创业担保贷款及贴息', category: 'rongzi',
    keywords: ['创业担保贷款', '贴息', '创业贷', '小微企业'],
    phrasings: ['创业贷款贴息', '小微企业贴息贷款', '创业担保'],
    departmentId: 'dep-zjj', owner: '区人力资源和社会保障局（区财政局贴息）', tier: 'district',
    legalBasis: '《中华人民共和国就业促进法》', deadlineClass: 'normal',
  },

  // ── 用地 ──
  {
    _id: 'ri-074', name: '工业用地出让（标准地）', category: 'yongdi',
    keywords: ['工业用地', '拿地', '招拍挂', '标准地', '出让', '亩'],
    phrasings: ['扩产要再拿地', '标准地', '先租后让'],
    departmentId: 'dep-zrzy', owner: '区自然资源局', tier: 'district',
    legalBasis: '《招标拍卖挂牌出让国有建设用地使用权规定》第四条', deadlineClass: 'complex',
  },
  {
    _id: 'ri-075', name: '工业用地提高容积率、调整规划条件', category: 'yongdi',
    keywords: ['容积率', '加层', '加建', '规划条件', '土地价款'],
    phrasings: ['厂区里加盖一栋楼', '增容积率要补地价吗', '旧厂房加层'],
    departmentId: 'dep-zrzy', owner: '区自然资源局', tier: 'district',
    legalBasis: '《中华人民共和国城乡规划法》第四十三条', deadlineClass: 'complex',
  },
  {
    _id: 'ri-076', name: '设施农业用地备案', category: 'yongdi',
    keywords: ['设施农业用地', '冷库', '大棚', '流转土地', '备案'],
    phrasings: ['流转地上建冷库', '大棚用地备案', '农业设施算不算建设用地'],
    departmentId: 'dep-zrzy', owner: '街道办事处（区自然资源局、区农业农村局指导）', tier: 'street',
    legalBasis: '《自然资源部 农业农村部关于设施农业用地管理有关问题的通知》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-077', name: '临时用地审批', category: 'yongdi',
    keywords: ['临时用地', '临时占地', '堆场', '施工便道'],
    phrasings: ['租块地临时堆料', '施工要临时占地', '临时停车场用地'],
    departmentId: 'dep-zrzy', owner: '区自然资源局', tier: 'district',
    legalBasis: '《中华人民共和国土地管理法》第五十七条', deadlineClass: 'normal',
  },

  // ── 政策兑现 ──
  {
    _id: 'ri-078', name: '惠企政策奖补资金兑现与进度查询', category: 'zhengce',
    keywords: ['政策兑现', '奖补', '补贴', '奖励', '公示', '到账', '免申即享'],
    phrasings: ['补贴公示完了没到账', '奖励资金什么时候发', '政策兑现进度'],
    departmentId: 'dep-zjj', owner: '区财政局（会同政策主管部门）', tier: 'district',
    legalBasis: '《优化营商环境条例》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-079', name: '工业企业技术改造专项资金', category: 'zhengce',
    keywords: ['技改', '技术改造', '设备补贴', '专项资金', '智能化改造'],
    phrasings: ['技改补贴没拨', '买设备有补贴吗', '技改项目申报'],
    departmentId: 'dep-zjj', owner: '区工业和信息化局', tier: 'district',
    legalBasis: '《中华人民共和国中小企业促进法》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-080', name: '失业保险稳岗返还', category: 'zhengce',
    keywords: ['稳岗返还', '稳岗补贴', '失业保险', '裁员率'],
    phrasings: ['稳岗补贴今年没收到', '失业保险返还', '稳岗返还比例'],
    departmentId: 'dep-zjj', owner: '区社会保险事业服务中心（区人社局）', tier: 'district',
    legalBasis: '《失业保险条例》', deadlineClass: 'simple',
  },
  {
    _id: 'ri-081', name: '人才引进、人才公寓与人才补贴', category: 'zhengce',
    keywords: ['人才公寓', '人才住房', '人才补贴', '硕士', '博士', '引进人才'],
    phrasings: ['引进的硕士能住人才公寓吗', '人才补贴', '人才住房申请'],
    departmentId: 'dep-zjj', owner: '区委人才工作领导小组办公室（会同住建、人社）', tier: 'district',
    legalBasis: '区人才引进政策（地方规范性文件）', deadlineClass: 'normal',
  },
  {
    _id: 'ri-082', name: '农机购置与应用补贴', category: 'zhengce',
    keywords: ['农机补贴', '拖拉机', '播种机', '农机购置'],
    phrasings: ['买农机的补贴没到', '农机购置补贴申请', '收割机补贴'],
    departmentId: 'dep-zrzy', owner: '区农业农村局', tier: 'district',
    legalBasis: '《中华人民共和国农业机械化促进法》', deadlineClass: 'normal',
  },

  // ── 环境 ──
  {
    _id: 'ri-083', name: '建设项目环境影响评价审批及登记表备案', category: 'huanjing',
    keywords: ['环评', '环境影响评价', '报告表', '报告书', '登记表', '批复'],
    phrasings: ['新车间环评批复没出', '要做报告表还是登记表', '环评没批能不能先装设备'],
    departmentId: 'dep-zrzy', owner: '市生态环境局云溪分局', tier: 'district',
    legalBasis: '《中华人民共和国环境影响评价法》第二十二条', deadlineClass: 'normal',
  },
  {
    _id: 'ri-084', name: '排污许可证核发、变更与延续', category: 'huanjing',
    keywords: ['排污许可', '排污证', '排污登记', '排放口', '延续'],
    phrasings: ['排污证快到期', '排口变了怎么办', '排污登记和许可证'],
    departmentId: 'dep-zrzy', owner: '市生态环境局云溪分局', tier: 'district',
    legalBasis: '《排污许可管理条例》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-085', name: '危险废物贮存、转移管理指导', category: 'huanjing',
    keywords: ['危废', '危险废物', '转移联单', '暂存间', '危废处置'],
    phrasings: ['危废转移联单怎么填', '危废暂存间要求', '废机油怎么处理'],
    departmentId: 'dep-zrzy', owner: '市生态环境局云溪分局', tier: 'district',
    legalBasis: '《中华人民共和国固体废物污染环境防治法》', deadlineClass: 'simple',
  },
  {
    _id: 'ri-086', name: 'VOCs等大气污染治理要求及环保执法争议', category: 'huanjing',
    keywords: ['VOCs', 'RTO', '活性炭', '在线监测', '超标', '整改', '过渡期'],
    phrasings: ['环保要求上RTO', '在线监测数据不准', '整改期限太短'],
    departmentId: 'dep-zrzy', owner: '市生态环境局云溪分局', tier: 'district',
    legalBasis: '《中华人民共和国大气污染防治法》', deadlineClass: 'complex',
  },
  {
    _id: 'ri-087', name: '噪声、异味、烟尘等环境污染投诉', category: 'huanjing',
    keywords: ['噪声', '噪音', '异味', '臭味', '烧废料', '扰民', '油烟'],
    phrasings: ['隔壁厂晚上噪音大', '有人烧垃圾冒烟', '居民投诉我们有味道'],
    departmentId: 'dep-zrzy', owner: '街道办事处（市生态环境局云溪分局执法）', tier: 'street',
    legalBasis: '《中华人民共和国噪声污染防治法》；《中华人民共和国大气污染防治法》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-088', name: '生活垃圾清运及乱倒建筑垃圾处置', category: 'huanjing',
    keywords: ['垃圾', '清运', '垃圾站', '环卫', '乱倒', '建筑垃圾'],
    phrasings: ['垃圾站没人清', '门口垃圾堆成山', '有人乱倒渣土'],
    departmentId: 'dep-zjj', owner: '街道办事处（区城市管理综合执法局环卫）', tier: 'street',
    legalBasis: '《城市市容和环境卫生管理条例》', deadlineClass: 'simple',
  },

  // ── 法律援助 ──
  {
    _id: 'ri-089', name: '涉企公共法律服务（法律咨询、合同审查、法律体检）', category: 'falv',
    keywords: ['法律咨询', '律师', '合同纠纷', '法律体检', '12348'],
    phrasings: ['想找律师问问', '合同纠纷怎么办', '免费法律咨询'],
    departmentId: 'dep-zjj', owner: '区司法局（公共法律服务中心）', tier: 'district',
    legalBasis: '《中华人民共和国法律援助法》', deadlineClass: 'simple',
  },
  {
    _id: 'ri-090', name: '涉企矛盾纠纷人民调解（商会调解）', category: 'falv',
    keywords: ['调解', '纠纷', '商会', '货款纠纷', '邻里纠纷'],
    phrasings: ['和客户闹纠纷想调解', '和隔壁厂有矛盾', '不想打官司'],
    departmentId: 'dep-zjj', owner: '区司法局（商会人民调解委员会）', tier: 'street',
    legalBasis: '《中华人民共和国人民调解法》', deadlineClass: 'normal',
  },

  // ── 拖欠款 ──
  {
    _id: 'ri-091', name: '机关、事业单位拖欠中小企业账款', category: 'tuoqian',
    keywords: ['拖欠', '欠款', '工程款', '尾款', '审计', '财政评审', '政府欠款'],
    phrasings: ['区里项目尾款一直不付', '说要等审计', '机关食堂餐费没结'],
    departmentId: 'dep-zjj', owner: '区工业和信息化局（中小企业主管部门，会同区财政局）', tier: 'district',
    legalBasis: '《保障中小企业款项支付条例》', deadlineClass: 'complex',
  },
  {
    _id: 'ri-092', name: '国有企业（含城投平台）拖欠中小企业账款', category: 'tuoqian',
    keywords: ['国企欠款', '城投', '货款', '工程款', '材料款'],
    phrasings: ['国企欠工程款', '城投公司拖材料款', '大企业压账期'],
    departmentId: 'dep-zjj', owner: '区工业和信息化局（会同区国资管理部门）', tier: 'district',
    legalBasis: '《保障中小企业款项支付条例》', deadlineClass: 'complex',
  },

  // ── 交通 ──
  {
    _id: 'ri-093', name: '货车城区通行证', category: 'jiaotong',
    keywords: ['通行证', '货车', '限行', '厢货', '城区配送'],
    phrasings: ['货车进不了城', '通行证被驳回', '配送车辆办证'],
    departmentId: 'dep-zjj', owner: '公安局交通警察大队', tier: 'district',
    legalBasis: '《中华人民共和国道路交通安全法》第三十九条', deadlineClass: 'simple',
  },
  {
    _id: 'ri-094', name: '城市道路破损维修', category: 'jiaotong',
    keywords: ['路坏了', '坑', '路面', '修路', '塌陷', '道路破损'],
    phrasings: ['门口路被大车压坏了', '路上全是坑', '路面塌了'],
    departmentId: 'dep-zjj', owner: '区住房和城乡建设局（市政道路）', tier: 'district',
    legalBasis: '《城市道路管理条例》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-095', name: '路灯等道路照明设施维修', category: 'jiaotong',
    keywords: ['路灯', '不亮', '照明', '黑'],
    phrasings: ['门口路灯坏了', '晚上路上太黑', '路灯一直不亮'],
    departmentId: 'dep-zjj', owner: '区城市管理综合执法局（街道巡查报修）', tier: 'street',
    legalBasis: '《城市道路照明设施管理规定》', deadlineClass: 'simple',
  },
  {
    _id: 'ri-096', name: '公交线路、站点及班次调整', category: 'jiaotong',
    keywords: ['公交', '公交站', '站点', '班次', '线路调整', '通勤'],
    phrasings: ['公交站挪走了', '公交班次太少', '园区没有公交'],
    departmentId: 'dep-zjj', owner: '区交通运输局', tier: 'district',
    legalBasis: '《城市公共交通条例》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-097', name: '交通信号灯、标志标线设置与故障', category: 'jiaotong',
    keywords: ['红绿灯', '信号灯', '斑马线', '标线', '禁停标志', '路口'],
    phrasings: ['路口红绿灯坏了', '路口没有红绿灯', '没有禁停标志却被拍'],
    departmentId: 'dep-zjj', owner: '公安局交通警察大队', tier: 'district',
    legalBasis: '《中华人民共和国道路交通安全法》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-098', name: '道路施工占道影响企业出入的协调', category: 'jiaotong',
    keywords: ['施工', '围挡', '挖断', '占道', '绕行', '通道'],
    phrasings: ['修管道把门口堵了', '路被挖断了', '施工方给留个口子'],
    departmentId: 'dep-zjj', owner: '街道办事处（区住建局、交警大队）', tier: 'street',
    legalBasis: '《城市道路管理条例》第三十条', deadlineClass: 'simple',
  },
  {
    _id: 'ri-099', name: '共享单车、车辆乱停放及占用消防通道', category: 'jiaotong',
    keywords: ['共享单车', '乱停', '僵尸车', '消防通道', '盲道', '占道'],
    phrasings: ['门口单车乱停', '僵尸车挡着消防栓', '消防通道被堵'],
    departmentId: 'dep-zjj', owner: '社区（区城市管理综合执法局、交警大队）', tier: 'community',
    legalBasis: '《中华人民共和国道路交通安全法》；《中华人民共和国消防法》', deadlineClass: 'simple',
  },

  // ── 政务服务与其他 (the 12345 item is 政务服务) ──
  {
    _id: 'ri-100', name: '12345热线涉企工单转办与督办', category: 'zhengwu',
    keywords: ['12345', '热线', '工单', '转办', '回访'],
    phrasings: ['打了12345没人管', '热线工单查进度', '12345回访不满意'],
    departmentId: 'dep-zjj', owner: '区12345热线办', tier: 'district',
    legalBasis: '《国务院办公厅关于进一步优化地方政务服务便民热线的指导意见》', deadlineClass: 'simple',
  },
  {
    _id: 'ri-101', name: '通信网络信号覆盖问题协调', category: 'other',
    keywords: ['信号', '5G', '宽带', '网络', '基站', '运营商'],
    phrasings: ['厂区手机没信号', '5G覆盖不到', '宽带拉不进来'],
    departmentId: 'dep-zjj', owner: '区工业和信息化局（协调通信运营商）', tier: 'district',
    legalBasis: '《中华人民共和国电信条例》', deadlineClass: 'normal',
  },
  {
    _id: 'ri-102', name: '企业周边治安、偷盗问题', category: 'other',
    keywords: ['治安', '偷盗', '被偷', '抢', '监控', '巡逻'],
    phrasings: ['厂里电缆被偷', '晚上有人翻墙', '门口有人被抢'],
    departmentId: 'dep-zjj', owner: '社区（公安派出所）', tier: 'community',
    legalBasis: '《中华人民共和国治安管理处罚法》', deadlineClass: 'simple',
  },
];
