/**
 * The labels the pages show come from the contract (core/contract/catalog.ts), the same file the
 * server answers `meta` from: one place for every Chinese name of a status, role, level, colour,
 * channel and tier.
 */
import {
  CHANNELS, COLOURS, LEVELS, NEXT_TIER, PARTY_ROLES, REJECT_KINDS, ROLES, STATUSES, TIERS, type Role,
} from '../../core/contract/catalog';

export const ROLE_LABELS = ROLES;
/** Fallback when `meta` has not loaded; the backend's `meta.statuses` wins. */
export const STATUS_LABELS = STATUSES;
export const LEVEL_LABELS = LEVELS;
export const COLOUR_LABELS = COLOURS;
export const REJECT_KIND_LABELS = REJECT_KINDS;
export const CHANNEL_LABELS: Record<string, string> = CHANNELS;
export const TIER_LABELS = TIERS;
export const PARTY_ROLE_LABELS: Record<string, string> = PARTY_ROLES;
export { NEXT_TIER };

export const roleLabel = (role: string) => ROLE_LABELS[role as Role] ?? role;

/** Roles that handle requests in the officer sub-package. */
export const isHandler = (roles: readonly string[]) => roles.includes('officer') || roles.includes('liaison');
/** Roles that use the desk sub-package (ledger, dispatch detail). */
export const isDesk = (roles: readonly string[]) => roles.includes('dispatcher') || roles.includes('leader');
/** Department handlers answer supervision cards in the dept sub-package. */
export const isDepartment = (roles: readonly string[]) => roles.includes('department');
