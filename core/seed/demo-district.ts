/**
 * A demo district for local mode and tests: 1 district, 2 streets, 4 communities, 6 grids,
 * 8 grid officers, 3 liaisons, 2 departments, 1 dispatcher, a leader, an admin, and 30
 * enterprises with valid credit codes. Ids are fixed so demos and tests can name them.
 * Seeding is skipped when the district already exists, so restarts keep real data.
 */
import { creditCodeCheckChar } from '../intake/credit-code';
import type { Org, User } from '../model';
import type { Store } from '../ports';
import { userRepo } from '../repos/users';
import { orgRepo } from '../repos/orgs';
import { enterpriseRepo } from '../repos/enterprises';
import { seedResponsibilityList } from './responsibility-seed';

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/** organisation code (GB 11714): 8 characters and a check character */
function orgCode(n: number): string {
  const body = String(n).padStart(8, '0');
  const sum = [...body].reduce((s, ch, i) => s + Number(ch) * ORG_WEIGHTS[i], 0);
  const c = 11 - (sum % 11);
  return body + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

export function makeCreditCode(n: number, division = '130182'): string {
  const first17 = `91${division}${orgCode(n)}`.replace('X', 'Y').slice(0, 17);
  return first17 + creditCodeCheckChar(first17);
}

const orgs: Array<Omit<Org, 'active'>> = [
  { _id: 'd-yunxi', kind: 'district', name: '云溪区', parentId: null },
  { _id: 's-dongcheng', kind: 'street', name: '东城街道', parentId: 'd-yunxi' },
  { _id: 's-xihu', kind: 'street', name: '西湖街道', parentId: 'd-yunxi' },
  { _id: 'c-dongcheng', kind: 'community', name: '东城社区', parentId: 's-dongcheng' },
  { _id: 'c-chaoyang', kind: 'community', name: '朝阳社区', parentId: 's-dongcheng' },
  { _id: 'c-xihu', kind: 'community', name: '西湖社区', parentId: 's-xihu' },
  { _id: 'c-liuan', kind: 'community', name: '柳岸社区', parentId: 's-xihu' },
  { _id: 'g-dc1', kind: 'grid', name: '东城一网格', parentId: 'c-dongcheng' },
  { _id: 'g-dc2', kind: 'grid', name: '东城二网格', parentId: 'c-dongcheng' },
  { _id: 'g-cy1', kind: 'grid', name: '朝阳一网格', parentId: 'c-chaoyang' },
  { _id: 'g-xh1', kind: 'grid', name: '西湖一网格', parentId: 'c-xihu' },
  { _id: 'g-xh2', kind: 'grid', name: '西湖二网格', parentId: 'c-xihu' },
  { _id: 'g-la1', kind: 'grid', name: '柳岸一网格', parentId: 'c-liuan' },
  { _id: 'dep-zrzy', kind: 'department', name: '区自然资源局', parentId: 'd-yunxi' },
  { _id: 'dep-zjj', kind: 'department', name: '区住房和城乡建设局', parentId: 'd-yunxi' },
];

type Staff = Pick<User, '_id' | 'name' | 'roles' | 'phone'> & Partial<User>;
const staff: Staff[] = [
  { _id: 'u-zhangwei', name: '张伟', roles: ['officer'], gridIds: ['g-dc1'], phone: '13800010001' },
  { _id: 'u-wangfang', name: '王芳', roles: ['officer'], gridIds: ['g-dc1', 'g-dc2'], phone: '13800010002' },
  { _id: 'u-lina', name: '李娜', roles: ['officer'], gridIds: ['g-dc2'], phone: '13800010003' },
  { _id: 'u-liuyang', name: '刘洋', roles: ['officer'], gridIds: ['g-cy1'], phone: '13800010004' },
  { _id: 'u-chenjing', name: '陈静', roles: ['officer'], gridIds: ['g-xh1'], phone: '13800010005' },
  { _id: 'u-yangfan', name: '杨帆', roles: ['officer'], gridIds: ['g-xh1', 'g-xh2'], phone: '13800010006' },
  { _id: 'u-zhaolei', name: '赵磊', roles: ['officer'], gridIds: ['g-xh2'], phone: '13800010007' },
  { _id: 'u-huangmin', name: '黄敏', roles: ['officer'], gridIds: ['g-la1'], phone: '13800010008', capacity: 3 },
  { _id: 'u-zhouqiang', name: '周强', roles: ['liaison'], phone: '13900020001', departmentId: 'dep-zrzy' },
  { _id: 'u-wuting', name: '吴婷', roles: ['liaison'], phone: '13900020002', departmentId: 'dep-zjj' },
  { _id: 'u-zhenghao', name: '郑浩', roles: ['liaison'], phone: '13900020003' },
  { _id: 'u-sunli', name: '孙丽', roles: ['dispatcher'], orgId: 'd-yunxi', phone: '13700030001' },
  { _id: 'u-qianjun', name: '钱军', roles: ['department'], departmentId: 'dep-zrzy', phone: '13700030002' },
  { _id: 'u-fengyu', name: '冯玉', roles: ['department'], departmentId: 'dep-zjj', phone: '13700030003' },
  { _id: 'u-majianguo', name: '马建国', roles: ['leader'], orgId: 'd-yunxi', phone: '13700030004' },
  { _id: 'u-admin', name: '系统管理员', roles: ['admin'], orgId: 'd-yunxi' },
];

const ENTERPRISES: Array<[string, string, string, string]> = [
  // name, grid, industry, scale
  ['云溪精密机械制造有限公司', 'g-dc1', '装备制造', '中型'],
  ['东城新材料科技有限公司', 'g-dc1', '新材料', '小型'],
  ['云溪恒达物流有限公司', 'g-dc1', '交通运输', '中型'],
  ['河北瑞丰食品有限公司', 'g-dc1', '食品加工', '小型'],
  ['云溪华信电子科技有限公司', 'g-dc1', '电子信息', '小型'],
  ['东城宏远建筑工程有限公司', 'g-dc2', '建筑业', '中型'],
  ['云溪绿源环保科技有限公司', 'g-dc2', '节能环保', '小型'],
  ['云溪康泰医疗器械有限公司', 'g-dc2', '医疗器械', '小型'],
  ['东城明轩家具有限公司', 'g-dc2', '家具制造', '微型'],
  ['云溪金穗农业发展有限公司', 'g-dc2', '农业', '小型'],
  ['朝阳智能装备有限公司', 'g-cy1', '装备制造', '中型'],
  ['云溪博雅教育咨询有限公司', 'g-cy1', '教育服务', '微型'],
  ['朝阳汇通汽车零部件有限公司', 'g-cy1', '汽车零部件', '中型'],
  ['云溪天润生物科技有限公司', 'g-cy1', '生物医药', '小型'],
  ['朝阳鑫源包装材料有限公司', 'g-cy1', '包装印刷', '小型'],
  ['西湖云端数据服务有限公司', 'g-xh1', '软件信息', '小型'],
  ['云溪光明新能源有限公司', 'g-xh1', '新能源', '中型'],
  ['西湖雅致服饰有限公司', 'g-xh1', '纺织服装', '微型'],
  ['云溪永安建材有限公司', 'g-xh1', '建材', '小型'],
  ['西湖盛世文化传媒有限公司', 'g-xh1', '文化传媒', '微型'],
  ['云溪卓越化工有限公司', 'g-xh2', '化工', '中型'],
  ['西湖嘉禾餐饮管理有限公司', 'g-xh2', '餐饮', '小型'],
  ['云溪振华钢结构有限公司', 'g-xh2', '金属制品', '中型'],
  ['西湖创想软件开发有限公司', 'g-xh2', '软件信息', '小型'],
  ['云溪安信检测技术有限公司', 'g-xh2', '检验检测', '小型'],
  ['柳岸清泉饮品有限公司', 'g-la1', '食品加工', '小型'],
  ['云溪北辰仓储服务有限公司', 'g-la1', '仓储物流', '小型'],
  ['柳岸锦绣园林工程有限公司', 'g-la1', '园林绿化', '微型'],
  ['云溪华章印务有限公司', 'g-la1', '包装印刷', '小型'],
  ['柳岸宏图电气设备有限公司', 'g-la1', '电气设备', '中型'],
];

/** stewardship (包联): a few enterprises have a liaison who gets their requests first */
const LIAISONS: Record<number, string> = { 0: 'u-zhouqiang', 10: 'u-zhouqiang', 16: 'u-wuting', 20: 'u-wuting', 22: 'u-zhenghao', 29: 'u-zhenghao' };

/** enterprise contacts already bound, so the demo can start without binding */
const CONTACTS: Array<{ _id: string; name: string; enterprise: number; phone: string }> = [
  { _id: 'u-linxiao', name: '林晓', enterprise: 1, phone: '13612340001' },
  { _id: 'u-gaopeng', name: '高鹏', enterprise: 0, phone: '13612340002' },
  { _id: 'u-hejun', name: '何军', enterprise: 25, phone: '13612340003' },
  { _id: 'u-songya', name: '宋雅', enterprise: 5, phone: '13612340004' },
  { _id: 'u-xuming', name: '许明', enterprise: 10, phone: '13612340005' },
  { _id: 'u-hanmei', name: '韩梅', enterprise: 15, phone: '13612340006' },
  { _id: 'u-dengchao', name: '邓超', enterprise: 20, phone: '13612340007' },
  { _id: 'u-caoying', name: '曹颖', enterprise: 23, phone: '13612340008' },
];

export const entId = (i: number) => `e-${String(i + 1).padStart(3, '0')}`;
export const devOpenid = (userId: string) => `dev-${userId}`;

export async function seedDemoDistrict(store: Store, now: Date): Promise<boolean> {
  const orgsC = orgRepo(store);
  if (await orgsC.get('d-yunxi')) return false;
  const at = now.toISOString();
  for (const o of orgs) await orgsC.add({ ...o, active: true });
  const users = userRepo(store);
  for (const s of staff) {
    const field = s.roles.includes('officer') || s.roles.includes('liaison');
    await users.add({
      openid: devOpenid(s._id), active: true, createdAt: at, enterpriseId: null,
      ...(field ? { onDuty: true, capacity: 10, openCount: 0, lastAssignedAt: null } : {}),
      ...s,
    } as User);
  }
  const enterprises = enterpriseRepo(store);
  for (const [i, [name, gridId, industry, scale]] of ENTERPRISES.entries()) {
    const contactIds = CONTACTS.filter((c) => c.enterprise === i).map((c) => c._id);
    await enterprises.add({
      _id: entId(i), name, creditCode: makeCreditCode(10_000_000 + i * 7_919), address: `云溪区${orgs.find((o) => o._id === gridId)!.name.slice(0, 2)}路${i + 1}号`,
      gridId, industry, scale, liaisonId: LIAISONS[i] ?? null, contactIds, contactCount: contactIds.length, createdAt: at,
    });
  }
  for (const c of CONTACTS) {
    await users.add({
      _id: c._id, openid: devOpenid(c._id), name: c.name, roles: ['enterprise'], phone: c.phone, active: true,
      enterpriseId: entId(c.enterprise), createdAt: at,
    });
  }
  // the responsibility list (事项清单) the submit page and the dispatcher's triage match against
  await seedResponsibilityList(store, now);
  return true;
}
