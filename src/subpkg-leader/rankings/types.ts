/**
 * The 红黄榜 as rankings.compute / rankings.get return it (core/rankings/formula.ts RankedUnit and
 * RankingSettings). Lists stored before the formula measured card acceptance, hand-backs and
 * callbacks lack those fields: they are optional here and the page says so.
 */
import type { RankedUnit as BaseUnit, RankingList as BaseList, RankingSettings as BaseSettings } from '../types';

export type RankedFigures = BaseUnit['figures'] & {
  due?: number;
  handBacks?: number;
  callbacks?: number;
  unsatisfied?: number;
  cards?: number;
  cardsLate?: number;
  notAccepted?: number;
  cardAcceptRate?: number | null;
  measured?: number;
};

export type RankedUnit = Omit<BaseUnit, 'figures'> & { figures: RankedFigures };

export type RankingSettings = {
  weights: BaseSettings['weights'] & { callback?: number; handBack?: number; cardAccept?: number };
  minCases: number;
  red: BaseSettings['red'] & { maxLateCards?: number; maxUnsatisfied?: number };
  yellow: BaseSettings['yellow'] & { lateCardsAtLeast?: number };
};

export type RankingList = Omit<BaseList, 'units' | 'red' | 'yellow' | 'settings'> & {
  settings: RankingSettings;
  units: RankedUnit[];
  red: RankedUnit[];
  yellow: RankedUnit[];
};
