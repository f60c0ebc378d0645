import type { Colour } from './api-types';

/** The ledger palette (台账四色), the one place these colours are defined. */
export const COLOUR_HEX: Record<Colour, string> = {
  white: '#9aa0a6', // 未开始: grey dot
  green: '#1aa36f', // 正常
  yellow: '#f5a623', // 临期
  red: '#e53935', // 超期
};

/** tinted background for a colour badge */
export const COLOUR_TINT: Record<Colour, string> = {
  white: '#f1f3f4',
  green: '#e6f6ef',
  yellow: '#fef4e4',
  red: '#fdeaea',
};

export const COLOURS: Colour[] = ['white', 'green', 'yellow', 'red'];
