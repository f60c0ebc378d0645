/**
 * `npm run cloud:setup`: makes a CloudBase environment ready for the functions, from the one
 * declaration in core/cloud-declaration.ts (collections and indexes from core/collections.ts,
 * timeouts from cloudfunctions/<name>/config.json):
 *  - creates every collection that is missing, and every declared index that is missing (unique
 *    where declared); indexes the environment has beyond the declaration are reported, not dropped;
 *  - sets every collection to 仅管理端可读写 and cloud storage to 所有用户可读，仅创建者可写;
 *  - sets each deployed function's timeout to its config.json value (the budgets derive from it).
 *
 * Without TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (or with --plan) it prints the
 * plan and touches nothing: @cloudbase/manager-node is not even loaded. Running it again is safe:
 * it only adds what is missing. Exit code 0 when everything is in place (or only planned), 1 when
 * a step failed (each failure is listed at the end).
 */
import { ACL_LABEL, cloudDeclaration, type CloudDeclaration, type IndexDeclaration } from '../core/cloud-declaration';

export const CREDENTIALS = ['TCB_ENV', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const;

/** the part of @cloudbase/manager-node this script uses */
export type Manager = {
  database: {
    createCollectionIfNotExists(name: string): Promise<{ IsCreated?: boolean }>;
    describeCollection(name: string): Promise<{ Indexes?: Array<{ Name: string; Unique?: boolean; Keys?: Array<{ Name?: string; Direction?: string }> }> }>;
    updateCollection(name: string, info: { CreateIndexes: Array<{ IndexName: string; MgoKeySchema: { MgoIndexKeys: Array<{ Name: string; Direction: string }>; MgoIsUnique: boolean } }> }): Promise<unknown>;
  };
  commonService(): { call(options: { Action: string; Param: Record<string, unknown> }): Promise<unknown> };
  storage: { setStorageAcl(acl: string): Promise<unknown> };
  functions: {
    getFunctionDetail(name: string): Promise<{ Timeout?: number }>;
    updateFunctionConfig(func: { name: string; timeout: number }): Promise<unknown>;
  };
};

export type Connect = (config: { envId: string; secretId: string; secretKey: string }) => Promise<Manager>;

/** the real connection, loaded only when credentials are given */
const connectCloudBase: Connect = async (config) => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const CloudBase = require('@cloudbase/manager-node');
  return new CloudBase(config) as Manager;
};

const fieldsText = (ix: IndexDeclaration) => ix.fields.join(' + ') + (ix.unique ? '（唯一）' : '');

/** the plan, in the words an operator reads */
export function planText(decl: CloudDeclaration): string {
  const lines: string[] = [];
  const indexCount = decl.collections.reduce((n, c) => n + c.indexes.length, 0);
  lines.push(`集合：${decl.collections.length} 个，索引：${indexCount} 个；每个集合的权限：${ACL_LABEL.ADMINONLY}（只有云函数读写数据库）`);
  for (const c of decl.collections) {
    lines.push(`  ${c.name}${c.indexes.length ? '' : '（只按 _id 读取，无需索引）'}`);
    for (const ix of c.indexes) lines.push(`    ${ix.name}  ${fieldsText(ix)}`);
  }
  lines.push(`不在云开发创建（仅自建服务器使用）：${decl.skipped.join('、')}`);
  lines.push(`云存储权限：${ACL_LABEL[decl.storageAcl]}（${decl.storageAcl}）`);
  lines.push(`云函数超时（来自 cloudfunctions/<函数>/config.json）：${decl.functions.map((f) => `${f.name} ${f.timeoutS} 秒`).join('，')}`);
  return lines.join('\n');
}

const sameFields = (keys: Array<{ Name?: string }> | undefined, fields: string[]) =>
  !!keys && keys.length === fields.length && keys.every((k, i) => k.Name === fields[i]);

/** applies the declaration: only what is missing is created; returns the failures */
export async function applyDeclaration(decl: CloudDeclaration, m: Manager, envId: string, log: (line: string) => void): Promise<string[]> {
  const failures: string[] = [];
  const step = async (what: string, run: () => Promise<string | void>) => {
    try {
      const done = await run();
      if (done) log(`  ${what}：${done}`);
    } catch (e) {
      const message = (e as Error)?.message ?? String(e);
      failures.push(`${what}：${message}`);
      log(`  ${what}：失败 ${message}`);
    }
  };
  for (const c of decl.collections) {
    await step(`集合 ${c.name}`, async () => ((await m.database.createCollectionIfNotExists(c.name)).IsCreated ? '已创建' : undefined));
    let existing: Array<{ Name: string; Unique?: boolean; Keys?: Array<{ Name?: string }> }> = [];
    await step(`集合 ${c.name} 的索引`, async () => { existing = (await m.database.describeCollection(c.name)).Indexes ?? []; });
    for (const ix of c.indexes) {
      const have = existing.find((e) => e.Name === ix.name || sameFields(e.Keys, ix.fields));
      if (have) {
        if (!!have.Unique !== ix.unique) failures.push(`索引 ${c.name}.${have.Name}：已存在，但唯一性与声明不同（应为${ix.unique ? '唯一' : '非唯一'}），请在控制台删除后重新运行`);
        continue;
      }
      await step(`索引 ${c.name}.${ix.name}（${fieldsText(ix)}）`, async () => {
        await m.database.updateCollection(c.name, {
          CreateIndexes: [{ IndexName: ix.name, MgoKeySchema: { MgoIndexKeys: ix.fields.map((f) => ({ Name: f, Direction: '1' })), MgoIsUnique: ix.unique } }],
        });
        return '已创建';
      });
    }
    const extra = existing.filter((e) => e.Name !== '_id_' && !c.indexes.some((ix) => ix.name === e.Name || sameFields(e.Keys, ix.fields)));
    if (extra.length) log(`  集合 ${c.name} 另有未声明的索引（保留，未删除）：${extra.map((e) => e.Name).join('、')}`);
    await step(`集合 ${c.name} 的权限`, async () => {
      await m.commonService().call({ Action: 'ModifyDatabaseACL', Param: { CollectionName: c.name, AclTag: c.acl, EnvId: envId } });
    });
  }
  await step('云存储权限', async () => { await m.storage.setStorageAcl(decl.storageAcl); return ACL_LABEL[decl.storageAcl]; });
  for (const f of decl.functions) {
    await step(`云函数 ${f.name} 的超时`, async () => {
      let current: number | undefined;
      try {
        current = (await m.functions.getFunctionDetail(f.name)).Timeout;
      } catch {
        return '尚未部署：请先在微信开发者工具中“上传并部署：云端安装依赖”，再运行本命令设置超时';
      }
      if (current === f.timeoutS) return undefined;
      await m.functions.updateFunctionConfig({ name: f.name, timeout: f.timeoutS });
      return `${current ?? '默认'} 秒 → ${f.timeoutS} 秒`;
    });
  }
  return failures;
}

export async function main(argv: string[], env: Record<string, string | undefined>, out: (line: string) => void, connect: Connect = connectCloudBase): Promise<number> {
  const decl = cloudDeclaration();
  const missing = CREDENTIALS.filter((k) => !env[k]);
  const planOnly = argv.includes('--plan') || missing.length > 0;
  out('云开发环境初始化（npm run cloud:setup）');
  if (planOnly) {
    out(argv.includes('--plan')
      ? '只打印计划（--plan），不连接云开发，不做任何修改。'
      : `未设置 ${missing.join('、')}：只打印计划，不连接云开发，不做任何修改。设置 ${CREDENTIALS.join('、')} 后再运行即按计划创建。`);
    out('');
    out(planText(decl));
    return 0;
  }
  out(`环境 ${env.TCB_ENV}：按下列计划补齐缺少的部分（已有的不改动）。`);
  out('');
  out(planText(decl));
  out('');
  out('执行：');
  const m = await connect({ envId: env.TCB_ENV!, secretId: env.TENCENTCLOUD_SECRETID!, secretKey: env.TENCENTCLOUD_SECRETKEY! });
  const failures = await applyDeclaration(decl, m, env.TCB_ENV!, out);
  out('');
  if (failures.length) {
    out(`完成，但有 ${failures.length} 项失败：`);
    for (const f of failures) out(`  ${f}`);
    return 1;
  }
  out('完成：集合、索引、权限与超时均已就绪。');
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2), process.env, (line) => console.log(line)).then(
    (code) => { process.exitCode = code; },
    (e) => { console.error(`云开发环境初始化失败：${(e as Error)?.message ?? e}`); process.exitCode = 1; },
  );
}
