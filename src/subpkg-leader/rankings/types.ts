/**
 * The 红黄榜 as rankings.compute / rankings.get return it (core/rankings/formula.ts RankedUnit and
 * RankingSettings). Lists stored before the formula measured card acceptance, hand-backs and
 * callbacks lack those fields: they are optional here and the page says so.
 */
import type { RankedUnit as ServerUnit, RankingList as ServerList, RankingSettings as ServerSettings } from '../types';

/** T with the keys K optional: what a list stored before they were measured lacks */
type Older<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

export type RankedFigures = Older<
  ServerUnit['figures'],
  'due' | 'handBacks' | 'callbacks' | 'unsatisfied' | 'cards' | 'cardsLate' | 'notAccepted' | 'cardAcceptRate' | 'measured'
>;

export type RankedUnit = Omit<ServerUnit, 'figures'> & { figures: RankedFigures };

export type RankingSettings = {
  weights: Older<ServerSettings['weights'], 'callback' | 'handBack' | 'cardAccept'>;
  minCases: number;
  red: Older<ServerSettings['red'], 'maxLateCards' | 'maxUnsatisfied'>;
  yellow: Older<ServerSettings['yellow'], 'lateCardsAtLeast'>;
};

export type RankingList = Omit<ServerList, 'units' | 'red' | 'yellow' | 'settings'> & {
  settings: RankingSettings;
  units: RankedUnit[];
  red: RankedUnit[];
  yellow: RankedUnit[];
};
