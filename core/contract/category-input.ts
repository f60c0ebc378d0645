/**
 * The category of an input, as every form sends it (./taxonomy.ts): a leaf (小类). An old code from a
 * page or draft made before the taxonomy is accepted and becomes its leaf, so what is written is
 * always a leaf. Filters take a group (大类) too.
 */
import { CATEGORY_CODES, GROUP_CODES, LEGACY_CATEGORIES, type CategoryCode, type LegacyCategoryCode } from './taxonomy';
import { z } from './schema';

const LEGACY_CODES = Object.keys(LEGACY_CATEGORIES) as [LegacyCategoryCode, ...LegacyCategoryCode[]];

/** a leaf, or an old code written as its leaf */
export const zCategory = (message: string) =>
  z.enum([...CATEGORY_CODES, ...LEGACY_CODES], { errorMap: () => ({ message }) })
    .transform((c): CategoryCode => (c in LEGACY_CATEGORIES ? LEGACY_CATEGORIES[c as LegacyCategoryCode].leaf : (c as CategoryCode)));

/** a filter's category: a group, a leaf or an old code (the store query finds every stored code under it) */
export const zCategoryFilter = (message: string) => z.enum([...GROUP_CODES, ...CATEGORY_CODES, ...LEGACY_CODES], { errorMap: () => ({ message }) });
