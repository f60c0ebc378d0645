/**
 * What a CloudBase environment needs before the functions run, in one declaration derived from
 * core/collections.ts (collections, indexes, unique flags) and cloudfunctions/<name>/config.json
 * (timeouts): `npm run cloud:setup` (scripts/cloud-setup.ts) prints it and applies it.
 *
 * Permissions: only the cloud functions touch the database (the mini-program calls functions, never
 * the database), so every collection is 仅管理端可读写 (ADMINONLY): a client that reached for the
 * database directly reads and writes nothing. Cloud storage is 所有用户可读，仅创建者可写 (READONLY):
 * photos a user uploads under uploads/<openid>/ are theirs to write, and the files the app shows
 * (photos, exports, codes) are read by their fileID.
 */
import { functionTimeoutS, type FunctionName } from './budget';
import { C, INDEXES, SELF_HOSTED_ONLY, UNIQUE_INDEXES } from './collections';

/** CloudBase's simple permission tags (ModifyDatabaseACL / ModifyStorageACL) */
export type AclTag = 'READONLY' | 'PRIVATE' | 'ADMINWRITE' | 'ADMINONLY';

export const ACL_LABEL: Record<AclTag, string> = {
  READONLY: '所有用户可读，仅创建者可写',
  PRIVATE: '仅创建者可读写',
  ADMINWRITE: '所有用户可读，仅管理端可写',
  ADMINONLY: '仅管理端可读写',
};

export const COLLECTION_ACL: AclTag = 'ADMINONLY';
export const STORAGE_ACL: AclTag = 'READONLY';

export type IndexDeclaration = { name: string; fields: string[]; unique: boolean };
export type CollectionDeclaration = { name: string; acl: AclTag; indexes: IndexDeclaration[] };
export type FunctionDeclaration = { name: FunctionName; timeoutS: number };
export type CloudDeclaration = {
  collections: CollectionDeclaration[];
  /** in C but not created on CloudBase */
  skipped: string[];
  storageAcl: AclTag;
  functions: FunctionDeclaration[];
};

/** a stable index name from its fields: ix_ + the fields joined by _ (dots as _, _id as id) */
export const indexName = (fields: string[]) => `ix_${fields.map((f) => f.replace(/^_/, '').replace(/\./g, '_')).join('_')}`;

export function cloudDeclaration(): CloudDeclaration {
  const names = [...new Set(Object.values(C) as string[])];
  return {
    collections: names
      .filter((n) => !SELF_HOSTED_ONLY.includes(n))
      .map((name) => ({
        name,
        acl: COLLECTION_ACL,
        indexes: (INDEXES[name] ?? []).map((entry) => {
          const fields = entry.split(',').map((f) => f.trim());
          return { name: indexName(fields), fields, unique: (UNIQUE_INDEXES[name] ?? []).includes(entry) };
        }),
      })),
    skipped: names.filter((n) => SELF_HOSTED_ONLY.includes(n)),
    storageAcl: STORAGE_ACL,
    functions: (['service', 'console', 'visits', 'sheets', 'assign', 'notify', 'sweep'] as const).map((name) => ({ name, timeoutS: functionTimeoutS(name) })),
  };
}
