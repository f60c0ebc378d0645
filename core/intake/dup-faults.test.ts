/**
 * The faults of a kind (dup-lexicon.ts' `split`), pair by pair: for every public or programme kind
 * that splits, two enterprises of one grid reporting the SAME fault in different words are linked,
 * and two reporting DIFFERENT faults of the kind (a cut fibre and a weak phone signal, a planned
 * outage and repeated tripping) are not. Written from how enterprises word these problems to a 12345
 * hotline, not copied from the labelled sets.
 */
import { DUP_KINDS } from './dup-lexicon';
import { dupKindsOf, duplicateLinks } from './duplicates';
import { req } from '../../tests/support/dup-candidates';


/** kind → [same fault, in other words], [different faults of the kind] */
type Case = { same: [string, string]; other: [string, string] };

const CASES: Record<string, Case> = {
  // ── roads and traffic ──
  'road-facility': {
    same: ['厂门口的限高架被货车撞歪了，横杆耷拉下来', '门口那个限高杆昨晚被大车撞了，现在歪着随时掉下来'],
    other: ['门口限高架被撞歪了，杆子快掉下来了', '门口限高太低了，我们的厢式货车进不来，能不能调高一点'],
  },
  'road-ice': {
    same: ['门口水管漏水，流到路上结冰了', '路边一直淌水，冻成冰了，车都打滑'],
    other: ['门口水管漏水，路上结冰了', '下雪以后没人扫，路上全是冰'],
  },
  'street-light': {
    same: ['厂区外面那排路灯一个多星期不亮了，晚上下班黑乎乎的', '门口路灯坏了好几天，天一黑就一片漆黑，员工都不敢走'],
    other: ['门口的路灯大白天也亮着，一直亮着太浪费电了', '门口路灯晚上不亮，黑漆漆的'],
  },
  'traffic-signal': {
    same: ['路口红绿灯坏了两天了，车都乱开', '路口的信号灯不亮了，一直闪黄灯，车乱成一锅粥'],
    other: ['路口红绿灯坏了，一直不亮', '路口绿灯太短了，货车一次过不去几辆'],
  },
  'bus-stop': {
    same: ['厂门口公交站的候车亭顶棚破了，下雨天员工在那淋雨', '门口那个公交站台漏雨，顶棚破了个大洞'],
    other: ['门口公交站的候车亭被车撞坏了，玻璃碎了一地', '公交站太远了，员工要走二十分钟，能不能在园区门口增设一个站'],
  },
  'rail-crossing': {
    same: ['铁路专用线调车的时候把道口堵了半个多小时，送货车出不去', '又被火车堵在道口四十分钟，客户的急单耽误了'],
    other: ['专用线调车占着道口，车排了一长溜', '道口那块铺面板坏了，翘起来一块，车过去咣当一下'],
  },
  'bus-service': {
    same: ['园区的公交车半小时才来一班，员工天天迟到', '公交班次太少了，早上等车要等四十分钟'],
    other: ['公交车太少了，等车要半小时', '园区那条公交线改线了，不走我们这了'],
  },
  parking: {
    same: ['厂门口老有外来车乱停，把我们大门堵了，货车进不去', '外面的私家车天天停在我们厂门口，堵门，送货车进不来'],
    other: ['有车乱停在消防通道上，消防车根本进不来', '门口的共享单车乱停乱放，堆了一大片'],
  },
  closure: {
    same: ['门口的路封了说是改造，什么时候能通，货都出不去', '前面那段路封路施工一个多月了，啥时候通'],
    other: ['门口路封了在改造施工，什么时候通', '周末搞马拉松活动把路封了，货车出不去'],
  },
  signboard: {
    same: ['城管要求统一拆掉店招，换成统一样式的，费用谁出', '街道说要整治门头招牌，全部拆了按规范统一做'],
    other: ['街道要求店招统一整治拆除重做', '隔壁那家的招牌松动了摇摇欲坠，风一吹就晃，怕砸到人'],
  },
  bridge: {
    same: ['园区门口的小桥桥面裂了好几道口子，钢筋都露出来了', '那座桥的桥面破了，露筋了，大车过去一晃一晃的'],
    other: ['门口那座桥的桥面裂了，栏杆也坏了', '那座桥限重十吨，我们的货车过不去，要绕很远'],
  },
  // ── power ──
  outage: {
    same: ['这个月三天两头停电，一周跳闸好几次，设备老是重启', '最近老是突然断电，隔三差五就停一次，生产没法安排'],
    other: ['收到供电公司通知，周六计划检修停电一天', '这周突然停电三次，机器都停了'],
  },
  'overhead-line': {
    same: ['厂门口的高压线下垂得很厉害，货车过去都快碰到了', '门口那根电线垂得太低了，大车进出怕挂到'],
    other: ['门口的电线下垂太低，大车刮到过', '门口的架空线能不能改成电缆埋地，影响厂区扩建'],
  },
  voltage: {
    same: ['厂里电压太低了，设备带不动，老是报警', '这边电压偏低，注塑机启动不了'],
    other: ['电压太低，机器带不动', '最近电压偏高，烧坏了好几块电路板'],
  },
  // ── water, drains, gas ──
  'water-outage': {
    same: ['门口马路下面的水管爆了，水哗哗往外冒，厂里没水了', '路边水管破了在跑水，我们这边断水了'],
    other: ['收到通知说周三计划停水检修，一整天', '门口的水管爆管了，到处是水'],
  },
  hydrant: {
    same: ['路边那个消火栓一直在漏水，往外冒水好几天了', '门口的消防栓坏了，哗哗淌水没人管'],
    other: ['路边的消火栓漏水，流了一地', '消防检查说门口市政消火栓水压不够，要我们整改'],
  },
  waterlogging: {
    same: ['一下雨下穿桥洞就积水，车过不去', '那个下穿隧道一下雨就淹了，货车只能绕路'],
    other: ['下雨桥洞积水，车过不去', '一下雨厂区门口就积水，雨水口堵了排不出去'],
  },
  sewer: {
    same: ['门口下水道堵了，污水往外冒，臭得很', '门口的污水井返水了，脏水淌了半条路'],
    other: ['门口下水道堵了，污水冒出来', '店里隔油池满了要清掏，不能往下水道倒，有没有正规的吸污车'],
  },
  manhole: {
    same: ['厂门口的井盖不见了，就剩个黑洞，晚上很危险', '门口那个窨井盖被人偷了，没有盖子，车差点掉进去'],
    other: ['门口的井盖丢了，露着个大洞', '门口井盖松动了，车一压就咣当咣当响'],
  },
  'gas-supply': {
    same: ['这几天燃气压力低，灶火很小，炒锅都热不起来', '最近燃气火太小了，气压不够，食堂做饭很慢'],
    other: ['燃气压力不够，火很小', '燃气公司说管道抢修，停气两天，食堂没法开火'],
  },
  heating: {
    same: ['办公楼暖气一点都不热，屋里才十二度', '供暖以后暖气片还是冰凉的，温度上不去'],
    other: ['暖气不热，温度太低', '楼道里暖气管爆了，漏水漏了一地'],
  },
  // ── surroundings ──
  garbage: {
    same: ['门口垃圾站满了好几天没人清运，臭气熏天', '路边垃圾桶塞爆了一直没人拉，夏天臭得很'],
    other: ['门口垃圾桶满了没人清运', '我们的边角料工业垃圾环卫不收，问哪里有资质的单位'],
  },
  pollution: {
    same: ['隔壁厂天天晚上焚烧东西，冒黑烟', '旁边有人烧塑料，黑烟滚滚的，晚上更厉害'],
    other: ['附近有人焚烧垃圾冒黑烟', '附近工地扬尘太大，车上落一层灰'],
  },
  noise: {
    same: ['旁边工地晚上打桩，噪音大得睡不着', '隔壁在建项目夜里施工，挖掘机轰隆隆的，太吵了'],
    other: ['工地打桩噪音太大', '隔壁楼顶的冷却塔嗡嗡响，噪音很大'],
  },
  muck: {
    same: ['渣土车一路撒土，路上全是泥，一刮风全是灰', '拉土的车没盖篷布，撒了一路，路面全是泥'],
    other: ['渣土车撒了一路的泥', '我们工地的渣土外运手续怎么办，消纳场在哪里'],
  },
  'water-body': {
    same: ['厂后面那条河发黑发臭，还有死鱼漂着', '后面河道的水黑臭，味道很大，鱼都死了'],
    other: ['后面河水发黑发臭', '有人往河道里倾倒建筑垃圾，堆了一大片'],
  },
  security: {
    same: ['晚上厂里的电缆被人偷了，损失好几万', '昨晚仓库被撬了，东西被偷走不少'],
    other: ['厂里晚上被盗了，丢了不少东西', '有几个人天天来店里闹事，还要收保护费'],
  },
  'stray-dog': {
    same: ['附近好多流浪狗，追着员工咬', '门口一群野狗，晚上下班很吓人'],
    other: ['园区里流浪狗太多了', '仓库里野猫太多了，到处钻'],
  },
  'park-gate': {
    same: ['园区北门晚上九点就关了，加班的员工出不去', '园区大门关得太早，晚上关门落锁，车出不去'],
    other: ['园区大门晚上九点就关了', '园区门禁刷卡刷不了，员工进不去'],
  },
  toilet: {
    same: ['门口的公共厕所太脏了，臭得不行，没人打扫', '那个公厕脏得很，味道熏人'],
    other: ['那个公厕太脏太臭了', '那个公共厕所一直锁着门，进不去'],
  },
  network: {
    same: ['门口修路把光缆挖断了，整个园区断网', '施工把光纤挖断了，我们一上午都上不了网'],
    other: ['光缆被挖断了，断网一天了', '厂区里手机信号很差，打电话总是断'],
  },
  'tax-system': {
    same: ['电子税务局一直进不去，报错，今天申报截止', '电子税局登录一直转圈打不开，报不了税'],
    other: ['电子税务局进不去，一直报错', '电子税务局上开票额度不够，怎么申请提额'],
  },
  'job-fair': {
    same: ['说好的招聘会临时取消了，也没通知，我们白跑一趟', '这周的招聘会改期了，什么时候补办'],
    other: ['这周的招聘会取消了', '上次招聘会去了一整天没效果，一个人都没招到'],
  },
  'traffic-camera': {
    same: ['路口新装的电子眼乱拍，正常转弯也被罚', '那个路口的抓拍探头老是乱拍，好几辆货车都被罚款扣分'],
    other: ['路口电子眼乱拍乱罚', '路口的电子眼被车撞歪了，掉下来一半'],
  },
  'fallen-tree': {
    same: ['昨晚大风把门口的行道树刮倒了，横在路上', '门口一棵大树被风吹倒了，把路堵了'],
    other: ['大风把树刮倒了，横在路中间', '门口行道树的树枝太长了，该修剪了，搭到电线上'],
  },
  'street-vendor': {
    same: ['城管一刀切不让摆摊，夜市冷清了生意没法做', '夜市取消了，不让摆摊，我们这些小吃摊没法做'],
    other: ['不让摆摊了，夜市也取消了', '隔壁饭店在店门口摆桌子外摆，人都过不去'],
  },
  'bank-branch': {
    same: ['附近唯一的银行网点撤了，办业务要跑很远', '楼下的农商行网点关门了，现在取钱要去镇上'],
    other: ['附近的银行网点撤了', '附近的自助取款机吞卡，取不出钱'],
  },
  'property-fee': {
    same: ['物业费突然涨了一倍，也没跟我们商量', '物业单方面上调管理费，说涨就涨'],
    other: ['物业费涨了一倍', '交了物业费，物业一直不给开发票'],
  },
  'parking-fee': {
    same: ['园区停车场开始收停车费了，员工停个车一天二十', '停车场乱收费，停车要钱还按小时收'],
    other: ['园区停车场收费太贵了', '停车场道闸坏了，不抬杆，车出不去'],
  },
  'service-hall': {
    same: ['工作日去政务服务中心办事，大门锁着，白跑一趟', '周二去服务大厅，门都没开，白跑了'],
    other: ['去政务服务中心办事锁着门，白跑一趟', '政务服务中心周末几点上班，中午午休吗'],
  },
  'gov-system': {
    same: ['新社保系统一直报错，登不上，员工增员办不了', '社保平台切新系统后进不去，一直报错'],
    other: ['新社保系统登不上，报错', '新社保系统怎么用，有没有操作手册或者培训'],
  },
  briefing: {
    same: ['说好的政策宣讲会取消了，没通知，我们白跑一趟', '今天的宣讲会改期了也没人通知，去了锁着门'],
    other: ['政策宣讲会取消了，没通知', '听说有个政策宣讲会，想报名参加'],
  },
  charging: {
    same: ['园区的充电桩坏了好几个，充不上电', '门口的充电桩故障了，插上也充不上'],
    other: ['园区充电桩坏了，充不上电', '园区能不能增设几个充电桩，员工的电动车没地方充电'],
  },
  canteen: {
    same: ['园区食堂不干了，员工中午没地方吃饭', '园区公共食堂关门了，停止营业'],
    other: ['园区食堂关门不干了', '园区食堂涨价了，饭还难吃'],
  },
  weighbridge: {
    same: ['园区的公用地磅坏了，称不了货', '地磅出故障了，不能用，车都排着'],
    other: ['园区的地磅坏了不能用', '园区地磅过磅收费涨价了，太贵'],
  },
  hazwaste: {
    same: ['危废处置单位一个多月没来收，仓库快满了放不下', '我们的危废没人来拉，暂停收运了，危废间快满了'],
    other: ['危废公司好久没来收了', '危废转移联单系统填不了'],
  },
  pests: {
    same: ['门口垃圾站老鼠成群，跑到我们仓库里', '附近老鼠太多了，耗子咬坏了货'],
    other: ['附近老鼠太多了', '附近蚊子太多了，员工被咬得不行'],
  },
  // ── the breadth pass's kinds ──
  elevator: {
    same: ['园区办公楼的电梯坏了好几天，停运没人修', '写字楼电梯故障停了，员工爬十几层'],
    other: ['写字楼电梯坏了停运', '写字楼的电梯年检合格证过期了，不知道还安不安全'],
  },
  facade: {
    same: ['隔壁楼的外墙瓷砖老是掉下来，砸坏了车', '旁边楼的墙皮脱落，往下掉，差点砸到人'],
    other: ['隔壁楼外墙瓷砖掉下来了', '楼上有人高空抛物，往楼下扔东西'],
  },
  greenery: {
    same: ['园区绿化带里杂草长疯了，一人多高', '路边绿化带里荒草半人高，蚊子特别多'],
    other: ['绿化带里杂草太高了', '门口的草坪被人挖了种菜'],
  },
  'fire-hazard': {
    same: ['隔壁仓库堆满了易燃物，消防隐患很大', '旁边院子里堆着一大堆纸箱泡沫，火灾隐患'],
    other: ['隔壁堆满易燃物，火灾隐患大', '隔壁仓库起火了，烟很大'],
  },
  footbridge: {
    same: ['门口天桥的电梯坏了一个月了，老人上不去', '过街天桥的扶梯停了好久，一直没修'],
    other: ['天桥电梯坏了', '那个地下通道一下雨就积水，人过不去'],
  },
  culvert: {
    same: ['路下面那个涵洞被垃圾堵死了，一下雨水排不出去', '门口的涵洞淤住了，全是泥沙和垃圾'],
    other: ['涵洞堵了，水排不出去', '门口的涵洞塌了一半，上面的路都裂了'],
  },
  'road-name': {
    same: ['我们这条路导航找不到，客户的货车老是走错', '地图上搜不到我们这条路，送货的找不到地方'],
    other: ['导航找不到我们这条路', '路口的路牌被车撞倒了，一直没人扶'],
  },
  fireworks: {
    same: ['附近天天半夜放烟花，噼里啪啦的', '旁边村里一直放鞭炮，半夜放，吵得人睡不着'],
    other: ['半夜有人燃放烟花', '隔壁仓库里囤了一堆烟花爆竹，太危险了'],
  },
  blasting: {
    same: ['东山采石场放炮 震得车间机床精度都跑了', '采石场天天爆破 厂房墙上震出好几道裂缝'],
    other: ['北山石场一放炮 震得办公楼墙都裂了', '南山石场放炮飞石把我们大棚砸坏了'],
  },
  'one-way': {
    same: ['门口的路改成单行以后货车要绕一大圈，能不能改回双向', '单行道搞得我们出货很不方便，希望恢复双向通行'],
    other: ['单行以后出货要绕路，能不能恢复双向', '那条单行路口没有标志，好多车逆行，差点撞上'],
  },
  'smog-alert': {
    same: ['重污染天气又要停产，订单交不了', '一有污染天气就要求全停，不让生产，小作坊扛不住'],
    other: ['重污染天气要求停产', '重污染天气绩效分级怎么申请评a级'],
  },
  'property-service': {
    same: ['厂房漏水报修了一个月，物业不管', '物业不作为，报修好几次没人修'],
    other: ['物业不管，报修没人修', '物业不管门岗，保安晚上都不在'],
  },
  demolition: {
    same: ['园区北区墙上贴了腾退通知，让15天内搬空，也没说补偿', '北边那排老厂房贴告示说要拆，限期半个月清场'],
    other: ['园区北区贴了拆除公告，让月底前全部腾空', '去年腾退搬走的，补偿款的尾款到现在还没付'],
  },
  'truck-ban': {
    same: ['货车限行时间太长了，白天都不让进城送货', '货车限行时段能不能缩短一点，全天不让进太难了'],
    other: ['货车限行时间太长，白天都不让进', '限行路段的标志牌看不清，货车被拍了罚款'],
  },
  slope: {
    same: ['厂后面的挡土墙开裂了，怕塌', '后面那段护坡裂缝越来越大，有隐患'],
    other: ['后面挡土墙开裂了，怕塌下来', '后山滑坡了，落石滚到路上'],
  },
  'notice-group': {
    same: ['园区的企业群被解散了，通知都收不到', '原来的通知群没了，现在去哪看通知'],
    other: ['园区通知群被解散了', '通知群里天天有人发广告刷屏'],
  },
  hotline: {
    same: ['政策咨询热线一直没人接', '打了好几次服务热线都打不通，一直占线'],
    other: ['政策热线一直没人接', '热线电话给的答复不对，跟窗口说法不一'],
  },
  snow: {
    same: ['门口路上积雪没人扫，员工摔了好几个', '下雪好几天了门口的雪没人铲，路滑得很'],
    other: ['门口积雪没人扫', '撒的融雪剂把我们门口的绿化带烧死了'],
  },
  'illegal-building': {
    same: ['隔壁私自加盖了一层违建，挡了我们的窗', '隔壁违规加盖，违章搭建了一大片'],
    other: ['隔壁私自加盖违建', '违建拆了以后建筑垃圾一直没清'],
  },
  'light-pollution': {
    same: ['对面的广告屏太亮了，晃眼', '对面楼顶的led屏晚上刺眼，照进宿舍'],
    other: ['对面的广告屏太亮了，晃眼', '对面的大屏幕半夜还在放音乐'],
  },
  unlicensed: {
    same: ['附近有个黑作坊，晚上偷偷生产', '旁边有个地下工厂，无证经营'],
    other: ['附近有个黑作坊', '路边有个黑加油点卖散装油'],
  },
  // ── programmes ──
  subsidy: {
    same: ['去年的稳岗返还到现在还没到账', '稳岗补贴一直没发，别的企业也都没收到'],
    other: ['稳岗返还一直没到账', '稳岗返还怎么申请，我们符合条件吗'],
  },
  'rent-relief': {
    same: ['国有厂房的房租减免政策，园区一直没落实', '园区不执行租金减免，说没接到通知'],
    other: ['园区的房租减免一直没落实', '房租减免怎么申请，需要什么材料'],
  },
  'talent-flat': {
    same: ['园区人才公寓说十月份分配入住，现在十二月了还没消息', '人才公寓名单都公示了，钥匙一直不给，到底什么时候能住'],
    other: ['人才公寓说好十月入住，现在还没消息', '园区附近的人才公寓怎么申请，有什么条件'],
  },
  // ── the sector pass ──
  'collection-code': {
    same: ['我们用的聚合码收款，钱4天没到账了', '收款码的钱这几天一直没结算到卡上，好几家都这样'],
    other: ['收款码的钱好几天没到账了', '收款码的手续费突然涨到千分之六'],
  },
  'commercial-paper': {
    same: ['长骋汽车开的商票9月30号到期，到现在没兑付', '长骋汽车的商承到期拒付了，我们小厂扛不住'],
    other: ['长骋汽车的商票到期拒付了', '手上有张长骋汽车的商票，银行贴不了现'],
  },
  'sewage-plant': {
    same: ['园区的污水管网一直没接通，废水只能拉走', '我们这片污水管没接通，污水没地方排'],
    other: ['污水管网没接通，污水没地方排', '园区污水处理厂满负荷了，不接收我们的污水'],
  },
  courier: {
    same: ['快递网点撤了，没人上门揽收', '原来的快递点撤了，寄件要跑老远'],
    other: ['快递网点撤了，没人来揽收', '快递费又涨价了，发一单多两块'],
  },
  irrigation: {
    same: ['村里灌溉渠堵死了，地里浇不上水', '灌渠被淤泥堵了，水过不来'],
    other: ['斗渠被堵了，水过不去', '排灌站的水泵坏了，抽不上水'],
  },
  festival: {
    same: ['音乐节期间路全封了，客人的车进不来', '音乐节那几天交通管制，货车进不来'],
    other: ['音乐节期间封路，车都进不来', '音乐节散场以后垃圾扔得满地都是'],
  },
  touting: {
    same: ['景区门口天天有拉客的，把游客往别的店带', '景区门口有人强行拉客，游客都被截走了'],
    other: ['门口有人强行拉客', '车站有黑车司机拉人，价格乱要'],
  },
  scenic: {
    same: ['景区闭园整改，商户一点生意没有', '景区关闭了两个月，什么时候能恢复'],
    other: ['景区闭园了，什么时候恢复', '景区门票涨价了，游客少了很多'],
  },
  'site-safety': {
    same: ['隔壁工地的塔吊吊臂伸到我们厂房上面，吓人', '旁边工地塔吊转来转去，吊的东西从我们屋顶上过'],
    other: ['隔壁工地塔吊吊臂伸到我们头上', '隔壁工地的脚手架晃得厉害，怕倒下来'],
  },
  'road-width': {
    same: ['进园区的路太窄了，两辆货车错不开车', '这条路只能过一辆车，大车会车困难'],
    other: ['路太窄，货车会车难', '道路拓宽工程搞了半年，什么时候完工'],
  },
  hvac: {
    same: ['商场中央空调不开，店里热得待不住', '商场空调不制冷，顾客进来就走'],
    other: ['商场中央空调不开，热死了', '写字楼空调费分摊不合理，比电费还贵'],
  },
  'plant-utility': {
    same: ['园区空压站停了，压缩空气断了，设备全停', '园区的压缩空气没了，气动设备动不了'],
    other: ['园区压缩空气停了', '园区冷却水停了，设备只能停机'],
  },
  // ── building sites (the fifty-ninth set) ──
  hoarding: {
    same: ['路边工地围挡昨晚大风刮倒一段，斜压在人行道上', '人行道上那排施工挡板倒了好几米，今天还没扶起来'],
    other: ['工地围挡被大风刮倒了，压在人行道上', '工地围挡上做公益广告要审批吗'],
  },
  'mixer-truck': {
    same: ['路边天天停着一溜搅拌车，一停一晚上', '商混罐车长时间占道停放候料，影响通行'],
    other: ['门口天天停着一排搅拌车，一停一晚上', '商混车夜里被交警拦，说限行，有没有通行证'],
  },
  // ── the second sector pass ──
  tanker: {
    same: ['园区路边停满了槽罐车，晚上就停在那过夜，很危险', '危化品运输车天天停在路边过夜，一停一长排'],
    other: ['罐车停在路边一整夜', '危化品运输车在村里开得飞快，还闯红灯'],
  },
  drill: {
    same: ['园区搞应急演练拉警报，也没提前通知，吓了一跳', '今天演练警报响了半天，没通知，员工以为出事了'],
    other: ['园区演练拉警报没通知，吓人', '园区每个月都要搞应急演练，太频繁，影响生产'],
  },
  hydrogen: {
    same: ['附近的加氢站坏了，车加不上氢', '加氢站故障暂停了，物流车都趴窝了'],
    other: ['加氢站坏了加不上氢', '加氢站的氢价太贵了，一公斤七十'],
  },
  'building-access': {
    same: ['写字楼的闸机老是刷不了，员工排队进不去', '大楼闸机失灵好几天了，卡刷不开'],
    other: ['写字楼闸机刷不了卡', '写字楼访客登记太麻烦，客户来一次要等半天'],
  },
  parcel: {
    same: ['楼下快递柜天天满了，快递放不进去', '丰巢柜子塞满了，快递员说放不下'],
    other: ['快递柜满了放不下', '丰巢超时收保管费，太不合理'],
  },
  'inspection-queue': {
    same: ['特检院锅炉检验排到三个月以后了', '压力容器定检约不上，特检所说排满了'],
    other: ['特检院的检验排到三个月以后了', '特检收费太贵了，一台储罐收好几千'],
  },
  amenities: {
    same: ['园区生活配套太差，附近连个便利店都没有', '园区周边没有超市，员工买东西不方便'],
    other: ['园区附近没有超市，买东西不方便', '园区配套不完善，没有医务室，员工看病不方便'],
  },
  'hitech-cert': {
    same: ['高企认定结果到现在还没出，证书也没下来', '今年高企认定的名单什么时候公示，证书一直没下来'],
    other: ['高企认定结果到现在还没出', '高企复审没通过，会不会追缴税款'],
  },
};


const SPLIT = DUP_KINDS.filter((k) => k.scope !== 'own' && k.split).map((k) => k.id);

test('every public or programme kind that splits has a pair of the same fault and one of two faults', () => {
  expect(SPLIT.filter((id) => !CASES[id])).toEqual([]);
  expect(Object.keys(CASES).filter((id) => !SPLIT.includes(id))).toEqual([]);
});

describe.each(Object.entries(CASES))('%s', (kind, { same, other }) => {
  test('every text is read as the kind', () => {
    for (const t of [...same, ...other]) expect([t, dupKindsOf(t)]).toEqual([t, expect.arrayContaining([kind])]);
  });
  test('the same fault in other words, from two enterprises of one grid: linked', () => {
    expect(duplicateLinks([req('e-1', 'g-dc1', same[0]), req('e-2', 'g-dc1', same[1])])).toHaveLength(1);
  });
  test('two faults of the kind, from two enterprises of one grid: not linked', () => {
    expect(duplicateLinks([req('e-1', 'g-dc1', other[0]), req('e-2', 'g-dc1', other[1])])).toEqual([]);
  });
});

/** fault words loose enough to name a fault the text does not */
test('a fault word inside a longer word names no fault: a light on before dark is not one out, water asked for dust is no smell', () => {
  expect(duplicateLinks([req('e-1', 'g-dc1', '天还没黑门口路灯就亮了，浪费电'), req('e-2', 'g-dc1', '门口路灯晚上不亮，黑乎乎的')])).toEqual([]);
  expect(duplicateLinks([req('e-1', 'g-dc1', '工地扬尘太大，能不能洒水冲一冲'), req('e-2', 'g-dc1', '工地那边有股刺鼻的怪味')])).toEqual([]);
  // 卡 of 税控卡 is no system stuck, 上门 of a repair no new line, 偷 of 偷偷摸摸 no theft
  expect(duplicateLinks([req('e-1', 'g-dc1', '税控卡开票额度不够，能不能提额'), req('e-2', 'g-dc1', '电子税务局一直卡住进不去')])).toEqual([]);
  expect(duplicateLinks([req('e-1', 'g-dc1', '断网一天了，能不能派人上门修'), req('e-2', 'g-dc1', '园区想申请拉一条宽带专线，什么时候能开通')])).toEqual([]);
  expect(duplicateLinks([req('e-1', 'g-dc1', '有几个人偷偷摸摸来店里闹事'), req('e-2', 'g-dc1', '晚上厂里被盗了，丢了不少东西')])).toEqual([]);
  // 违章 of 违章拍照 (the camera's name) is no complaint of fines
  expect(duplicateLinks([req('e-1', 'g-dc1', '路口那个违章拍照的探头坏了，歪在杆子上'), req('e-2', 'g-dc1', '路口电子眼乱拍乱罚')])).toEqual([]);
  // 灰 of 黑灰 (soot from something burnt) is no dust
  expect(duplicateLinks([req('e-1', 'g-dc1', '半夜闻到烧橡胶的味，窗台上一层黑灰'), req('e-2', 'g-dc1', '旁边工地扬尘太大，车上落了厚厚的灰')])).toEqual([]);
  // an outage the enterprise asks a plan for (有没有改造计划) is not a planned one
  expect(duplicateLinks([req('e-1', 'g-dc1', '线路老是跳闸停电，有没有改造计划'), req('e-2', 'g-dc1', '供电所通知下周三计划停电检修一整天')])).toEqual([]);
});

test('a fault put in words the kind did not know is still that fault: grass dead (枯死) is not grass overgrown', () => {
  expect(duplicateLinks([req('e-1', 'g-dc1', '绿化带杂草长疯了'), req('e-2', 'g-dc1', '绿化带的草枯死了')])).toEqual([]);
  expect(duplicateLinks([req('e-1', 'g-dc1', '绿化带的草都枯死了，没人浇水'), req('e-2', 'g-dc1', '绿化带的草枯了一大片')])).toHaveLength(1);
});

test('steam cut off and steam priced up are two problems; a heating cut and heating not warm are one', () => {
  expect(duplicateLinks([req('e-1', 'g-dc1', '园区供汽管道没汽了，烘干线停了'), req('e-2', 'g-dc1', '园区蒸汽明年起每吨涨价三十块')])).toEqual([]);
  expect(duplicateLinks([req('e-1', 'g-dc1', '车间暖气停了，供暖一直没来'), req('e-2', 'g-dc1', '车间暖气不热，冻得干不了活')])).toHaveLength(1);
});

test('parents parking for the school run and cars blocking a factory gate are two parking problems', () => {
  expect(duplicateLinks([req('e-1', 'g-dc1', '学校门口一到放学家长就乱停车，路上堵死了'), req('e-2', 'g-dc1', '厂大门口天天被私家车堵着，货车出不去')])).toEqual([]);
  expect(duplicateLinks([req('e-1', 'g-dc1', '学校门口一到放学家长就乱停车，路上堵死了'), req('e-2', 'g-dc1', '放学时间接孩子的车把路两边停满了，过不去')])).toHaveLength(1);
});

test('a drain that stinks and one that overflows are two sewer problems; one that stinks, in other words, is one', () => {
  expect(duplicateLinks([req('e-1', 'g-dc1', '厂后面那条排水沟又黑又臭'), req('e-2', 'g-dc1', '门口下水道堵了，一下雨污水就往外冒')])).toEqual([]);
  expect(duplicateLinks([req('e-1', 'g-dc1', '厂后面那条排水沟又黑又臭'), req('e-2', 'g-dc1', '后面排水沟发臭，夏天臭气熏天')])).toHaveLength(1);
});

test('an outage that came with no notice (没有任何停电通知) is no planned one', () => {
  expect(duplicateLinks([req('e-1', 'g-dc1', '昨天突然停电，没有任何停电通知'), req('e-2', 'g-dc1', '收到停电通知，周六计划检修停电一天')])).toEqual([]);
  expect(duplicateLinks([req('e-1', 'g-dc1', '今天突然停水，没有任何停水通知'), req('e-2', 'g-dc1', '接到停水通知，周三管网改造要停水')])).toEqual([]);
});

test('a knock (撞歪) names no thing: a street light and a height barrier knocked askew are two problems', () => {
  expect(duplicateLinks([req('e-1', 'g-dc1', '门口的路灯杆被货车撞歪了'), req('e-2', 'g-dc1', '门口的限高杆被大车撞歪了')])).toEqual([]);
});

test('a main cut by works is the burst main, not the planned cut; a power cable cut by works is a sudden outage, not a planned one', () => {
  expect(duplicateLinks([req('e-1', 'g-dc1', '地铁施工把门口的水管挖断了，厂里没水'), req('e-2', 'g-dc1', '门口水管爆了，到处是水')])).toHaveLength(1);
  expect(duplicateLinks([req('e-1', 'g-dc1', '地铁施工把门口的水管挖断了，厂里没水'), req('e-2', 'g-dc1', '收到停水通知，周三计划停水')])).toEqual([]);
  expect(duplicateLinks([req('e-1', 'g-dc1', '施工队把电缆挖断了，厂里停电了'), req('e-2', 'g-dc1', '收到停电通知，周六计划检修停电')])).toEqual([]);
});

test('water yellow and water smelling are one water-quality problem; a lift that shakes and one stopped are one lift', () => {
  expect(duplicateLinks([req('e-1', 'g-dc1', '这两天自来水发黄浑浊'), req('e-2', 'g-dc1', '自来水有一股怪味，不敢喝')])).toHaveLength(1);
  expect(duplicateLinks([req('e-1', 'g-dc1', '写字楼电梯运行时异响，晃得厉害'), req('e-2', 'g-dc1', '写字楼电梯坏了停运')])).toHaveLength(1);
});

test('a fault beside the usual ones is its own: a lamppost that shocks, rubbish afloat, a hydrant blocked, a charger overpriced', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-2', 'g-dc1', b)]);
  expect(two('门口路灯杆漏电，狗碰了一下被电到了', '门口路灯晚上不亮')).toEqual([]);
  expect(two('路灯杆好像带电，摸了麻手', '门口路灯杆漏电，狗碰了一下被电到了')).toHaveLength(1);
  expect(two('后面河里漂满了垃圾', '后面河水发黑发臭')).toEqual([]);
  expect(two('路边的消火栓被违停的车挡住了', '路边的消火栓一直漏水')).toEqual([]);
  expect(two('园区充电桩收费太贵，服务费比电费还高', '园区充电桩坏了，充不上电')).toEqual([]);
});

const MORE_FAULTS: Array<[kind: string, a: string, b: string]> = [
  ['road-facility', '减速带太高了，货都颠坏了', '减速带被压烂了，钉子露出来'],
  ['street-light', '路灯晚上不亮', '路灯的灯罩掉下来了，差点砸到人'],
  ['network', '宽带网速特别慢', '宽带到期了续费涨价'],
  ['water-outage', '门口水管爆了', '水压太低楼上没水'],
  ['manhole', '门口井盖丢了', '门口井盖往外冒污水'],
  ['muck', '渣土车撒了一路土', '渣土车闯红灯开太快'],
  ['pests', '仓库老鼠多', '白蚁把仓库木架子蛀了'],
  ['property-fee', '物业费涨价了', '物业不开发票'],
  ['facade', '外墙瓷砖脱落', '隔壁楼是危房要塌'],
  ['charging', '充电桩坏了充不上', '充电桩被油车占了'],
  ['footbridge', '天桥的栏杆松动了', '天桥上有人摆摊'],
  ['bus-stop', '门口公交站名改错了', '门口的公交站被挪走了'],
  ['culvert', '涵洞被垃圾堵了', '涵洞太矮了，货车过不去'],
  ['canteen', '园区食堂太贵了', '园区食堂卫生差，吃出虫子'],
  ['service-hall', '服务大厅窗口太少，排队排一上午', '服务大厅周末不开门，白跑一趟'],
  ['tax-system', '电子税务局进不去，一直报错', '电子税务局上发票开错了怎么作废'],
  ['briefing', '政策宣讲会取消了也没通知', '政策宣讲会讲的内容听不懂'],
  ['gov-system', '社保系统登不上', '社保系统里的数据不对'],
  ['bank-branch', '附近的银行网点撤了', '银行网点排队太久，窗口少'],
  ['fire-hazard', '隔壁仓库堆了好多易燃物', '楼道里电动车飞线充电'],
  ['hazwaste', '危废一个多月没人来收', '危废贮存间不合规被罚款'],
  ['gas-supply', '食堂燃气灶火特别小，是不是压力不够', '燃气公司说要做年度安全检查才能恢复供气，预约了没人来'],
  ['street-vendor', '夜市收摊以后垃圾扔一地', '夜市摊位费是谁定的，交了钱没收据'],
  ['street-vendor', '夜市摊位费是谁定的，交了钱没收据', '填了夜市的摊位申请表，说抽签，到现在没消息'],
  ['signboard', '门头灯箱被大风刮坏了', '统一店招改造，招牌拆了两个月还没装新的'],
  // the sector pass
  ['garbage', '路边有人扔了几头病死猪', '垃圾站满了好几天没人清运'],
  ['parking', '旅游大巴把路边停满了', '消防通道被私家车占了'],
  ['property-fee', '商场强制收推广费', '物业费又涨价了'],
  ['stray-dog', '野猪把地里的庄稼拱了', '厂区附近野狗咬人'],
  ['noise', '隔壁民宿的客人半夜唱歌', '工地打桩吵得睡不着'],
  ['heating', '园区蒸汽压力不够，烘干开不起来', '蒸汽管道漏汽了'],
  ['festival', '美食节的摊位怎么报名', '美食节突然取消了也没通知'],
  ['irrigation', '灌溉渠塌了一段', '什么时候轮灌放水'],
  // the second sector pass
  ['park-gate', '化工园区封闭管理，出入证一直办不下来', '园区大门晚上九点就关了'],
  ['elevator', '写字楼早上等电梯要二十分钟，电梯太少', '写字楼电梯坏了停运'],
  ['elevator', '梯控刷卡上不去我们楼层', '写字楼电梯年检过期了'],
  ['hvac', '写字楼空调一直滴水', '商场中央空调不开，热死了'],
  ['hvac', '办公室空调太冷了，冻得穿羽绒服', '写字楼空调费分摊不合理'],
  ['network', '楼里只有一家运营商，别的宽带进不来', '宽带网速特别慢'],
  ['voltage', '机房供电不稳，老是闪断', '电压太低，机器带不动'],
  ['parking-fee', '园区停车月卡办不了，说没名额', '停车费涨价了'],
  ['canteen', '园区食堂排队要半小时，座位也不够', '园区食堂涨价了'],
  ['toilet', '女厕坑位太少，天天排队', '写字楼厕所太脏没人打扫'],
  ['charging', '充电桩太少，员工排队充', '充电桩坏了充不上'],
  ['hazwaste', '危废处置费一吨涨到五千', '危废一个多月没人来收'],
  ['plant-utility', '园区纯水站出水不合格', '园区压缩空气停了'],
  ['heating', '园区蒸汽流量计不准，多收钱', '园区蒸汽压力不够'],
  ['heating', '想在路边再接一根蒸汽支管，报装找谁办', '园区蒸汽压力不够，烘干开不起来'],
  ['rail-crossing', '铁路道口的报警灯和铃都不响了', '铁路道口的铺面板翘起来了，车过去直颠'],
  ['fire-hazard', '写字楼安全出口被锁了', '楼道里堆满了纸箱，怕着火'],
  ['plant-utility', '园区公共管廊收费太高了', '园区氮气断了'],
  ['sewer', '园区污水管网破了，废水渗出来', '门口下水道堵了，污水冒出来'],
  ['courier', '锂电池不让寄，快递说是危险品', '快递网点撤了，没人上门揽收'],
  ['fire-hazard', '大楼的灭火器都过期了', '写字楼安全出口被锁了'],
];

test.each(MORE_FAULTS)('%s: two faults beside each other are two problems (%s / %s)', (kind, a, b) => {
  expect(dupKindsOf(a)).toContain(kind);
  expect(dupKindsOf(b)).toContain(kind);
  expect(duplicateLinks([req('e-1', 'g-dc1', a), req('e-2', 'g-dc1', b)])).toEqual([]);
});

test('the second sector pass: one fault in other words stays one problem', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-2', 'g-dc1', b)]);
  expect(two('隔壁涂料厂溶剂味很重', '隔壁涂料厂一股天那水的味道，熏人')).toHaveLength(1);
  expect(two('化工园区出入证一直办不下来', '园区入园证申请了两周还没发')).toHaveLength(1);
  expect(two('写字楼早上等电梯要二十分钟', '高峰期电梯太少，排长队')).toHaveLength(1);
  expect(two('物业六点就关空调，加班热死了', '写字楼空调下班后就停，加班没法待')).toHaveLength(1);
  expect(two('大楼供电闪断，电脑全重启', '机房供电不稳，一天晃好几次电')).toHaveLength(1);
  expect(two('隔壁化工厂储罐泄漏，味道很大', '园区有家厂危化品泄漏，大家都在疏散')).toHaveLength(1);
});

test('a talent programme late for two enterprises is one problem only when both name the same allowance', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-2', 'g-dc1', b)]);
  expect(two('租房补贴去年的还没到账', '人才租房补贴一直没发，等了一年')).toHaveLength(1);
  expect(two('租房补贴去年的还没到账', '人才安家费一直没发，等了一年')).toEqual([]);
});

test('the second sector pass: one scene (a chemical park, an office tower) with two problems shares no kind', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-2', 'g-dc1', b)]);
  expect(two('化工园区门口的路灯坏了', '化工园区晚上一股化工味')).toEqual([]);
  expect(two('写字楼电梯坏了', '写字楼空调不制冷')).toEqual([]);
  expect(two('写字楼的闸机刷不了卡', '写字楼快递柜满了放不下')).toEqual([]);
  expect(two('园区槽罐车停在路边过夜', '园区危废没人来收')).toEqual([]);
});

test("an enterprise's social insurance and its housing fund are two cases; its special equipment's inspection and an operator's licence too", () => {
  const own = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-1', 'g-dc1', b)], { sameEnterprise: true });
  expect(own('公积金缓缴怎么申请', '社保缓缴怎么申请，还没解决')).toEqual([]);
  expect(own('公积金缓缴怎么申请', '公积金缓缴的申请还没解决')).toHaveLength(1);
  expect(own('锅炉年检过期了，特检院约不上', '司炉工的司炉证到期了，还没解决')).toEqual([]);
});

test('and one fault in other words stays one problem: a slow line and one that keeps dropping, a manhole overflowing', () => {
  expect(duplicateLinks([req('e-1', 'g-dc1', '宽带网速特别慢'), req('e-2', 'g-dc1', '宽带老掉线，卡得不行')])).toHaveLength(1);
  expect(duplicateLinks([req('e-1', 'g-dc1', '门口井盖往外冒污水'), req('e-2', 'g-dc1', '污水从门口井盖往外冒，臭得很')])).toHaveLength(1);
});

test("an enterprise's land: a dispute over land it rents and asking how to rent another plot are two cases; the dispute asked about again is one", () => {
  const own = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-1', 'g-dc1', b)], { sameEnterprise: true });
  const dispute = '流转的地有几户农民说不租了，要把地收回去，还把路堵了';
  expect(own(dispute, '上次问的还没回复：想再流转三十亩地，合同用什么范本')).toEqual([]);
  expect(own(dispute, '上次反映的土地纠纷还没人管，农户又来闹了')).toHaveLength(1);
});

test('a flood relief for the firms it hit is one programme whichever name the disaster is given', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-2', 'g-dc1', b)]);
  expect(two('七月洪涝灾后补助表格都交了，到现在没到账', '受灾企业补助说十月发，现在还没发')).toHaveLength(1);
  expect(two('七月洪涝灾后补助表格都交了，到现在没到账', '技改补贴说十月发，现在还没发')).toEqual([]);
});

test("a firm's own waste (where to take its rubble, its kitchen waste contract) is not the rubbish dumped or left on a street", () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-2', 'g-dc1', b)]);
  expect(two('我们工地的建筑垃圾要外运，请问区里指定的消纳场在哪', '后面空地天天晚上有人偷倒建筑垃圾')).toEqual([]);
  expect(two('餐厨垃圾的收运公司合同到期要涨价，能不能换一家', '门口垃圾点好几天没人清运了，臭得很')).toEqual([]);
  expect(two('后面空地又有人偷倒建筑垃圾了', '厂后面荒地晚上老有车来倒垃圾，碎砖头一堆')).toHaveLength(1);
});

test("a subsidy's round cancelled is not its money late; a high-tech firm's recognition is not its award's money", () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-2', 'g-dc1', b)]);
  const cancelled = '设备更新补贴这一轮怎么取消了，我们为了申报刚买了设备';
  expect(two(cancelled, '去年的设备补贴已经公示了，钱一直没到账')).toEqual([]);
  expect(two(cancelled, '听说技改设备补贴今年不搞了？能不能给个准话')).toHaveLength(1);
  expect(two('高企认定我们申报了，专家评审过了没有，什么时候公示', '高企认定的奖励资金啥时候拨，去年底就拿到证书了')).toEqual([]);
});


test('broadband not yet reaching an area is not a line cut; a traffic light missing is not one broken', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-2', 'g-dc1', b)]);
  expect(two('园区千兆宽带啥时候通，电信说等管道', '昨天修路把光缆挖断了，断网一下午')).toEqual([]);
  expect(two('路口红绿灯坏了，一直闪黄灯', '南头那个路口没有红绿灯，大车出来很危险')).toEqual([]);
});

test("one enterprise's two unpaid bills owed by different kinds of debtor (a developer, a city works project) are two cases; one debtor chased again is one", () => {
  const own = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-1', 'g-dc1', b)], { sameEnterprise: true });
  const developer = '我们承建的小区项目，开发商欠工程款380多万，拖了快一年';
  expect(own(developer, '再次反映：区市政道路工程的工程款审计完了，尾款90万至今未付')).toEqual([]);
  expect(own(developer, '再次反映那个置业公司欠的工程款，380多万还是没给，想走诉讼')).toHaveLength(1);
});

test('steam pressure too low is one problem however it is said, and not the price of steam; an outage three times a week is no planned one', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-2', 'g-dc1', b)]);
  expect(two('集中供汽这半个月气压一直上不去，熨烫停了好几次', '蒸汽压力太低，烫台都不出汽')).toHaveLength(1);
  expect(two('蒸汽费单价怎么又涨了，也不通知一下', '蒸汽压力太低，烫台都不出汽')).toEqual([]);
  expect(two('朝阳路这一片最近老停电，一个礼拜停了三回', '下周三朝阳路计划停电检修，能不能改到周末')).toEqual([]);
});

test("one enterprise chasing its debtor again (还是不给) is one case; another customer's debt (另一个客户) is another", () => {
  const own = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-1', 'g-dc1', b)], { sameEnterprise: true });
  const owed = '有个外贸公司欠我们加工费38万，合同发票都有，一直拖着说等国外客户回款';
  expect(own(owed, '欠加工费那家还是不给，想走法律程序，能不能推荐个法律援助')).toHaveLength(1);
  expect(own(owed, '另一个客户是家服装厂，欠我们加工费12万，也拖着')).toEqual([]);
});

test('steam asked for in a larger amount is not steam cut or priced up; steam still not back is the cut', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-2', 'g-dc1', b)]);
  const more = '我们想把蒸汽用量从每小时2吨加到4吨，要重新签合同吗';
  expect(two(more, '柳岸路这边蒸汽从18号就断了，热电厂说管道漏了在抢修')).toEqual([]);
  expect(two(more, '蒸汽价格从5月起每吨涨了30块，涨价也不提前说')).toEqual([]);
  expect(two('蒸汽还是没恢复！第四天了，厂里临时租了燃气锅炉', '蒸汽价格从5月起每吨涨了30块，涨价也不提前说')).toEqual([]);
  expect(two('蒸汽还是没恢复！第四天了，厂里临时租了燃气锅炉', '柳岸路供汽中断，烘干用不了，啥时候恢复')).toHaveLength(1);
});

test('a fault in the words a chemical park uses is still that fault: a steam main leaking, a collector that stopped, tankers parked, the wastewater plant taking less', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-dc1', a), req('e-2', 'g-dc1', b)]);
  expect(two('供汽管网泄漏，我司蒸汽压力持续偏低', '路边架空蒸汽管道漏汽，进汽压力从0.8掉到0.4兆帕')).toHaveLength(1);
  expect(two('处置单位至今未恢复收运，危废暂存量已超贮存能力', '危废一个多月没人来收，危废间快满了')).toHaveLength(1);
  expect(two('路口晚上停了一排罐车，把出入口堵死了', '路口天天夜里停危化品车，拐弯看不见来车')).toHaveLength(1);
  expect(two('灌车乱停，加油站往西那一截，晚上还不开灯', '加油站边上天天停着好几辆危化品罐车')).toHaveLength(1);
  expect(two('园区污水厂在搞提标改造，每天只让我们限量排水', '污水厂改造限排的事，工程啥时候能完')).toHaveLength(1);
  // a fleet that cannot leave (发车出不去) speaks of no bus
  expect(dupKindsOf('罐车堵路口，我们车队早上五点发车出不去')).not.toContain('bus-service');
});

test('an old street of a place (柳岸老街) is no road of its own: its water cut is the one on 柳岸路; one road\'s 第二期 and 第二批 are one batch', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-la1', a), req('e-2', 'g-la1', b)]);
  expect(two('柳岸老街改造挖断了水管，我们这一排店停水三天了', '柳岸路老街从周一开始没水，施工队说是他们挖破的')).toHaveLength(1);
  expect(two('第二批消费券的核销款好几家都没拿到', '消费券第二期的核销款还没打给我们，说好15个工作日结算')).toHaveLength(1);
  expect(two('消费券第一期的核销款还没打给我们', '消费券第二期的核销款还没打给我们')).toEqual([]);
});

test('a licence renewed for a street\'s shops in one batch (集中延续, 统一报送) is one case for all of them', () => {
  const two = (a: string, b: string) => duplicateLinks([req('e-1', 'g-xh1', a), req('e-2', 'g-xh1', b)]);
  expect(two('小吃街商户食品经营许可集中延续，材料已于9月统一报送，逾期未发证', '小吃街统一换食品经营许可证，材料九月份就交给社区了，新证到现在没下来')).toHaveLength(1);
});
