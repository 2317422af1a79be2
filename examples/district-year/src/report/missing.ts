import type { BilingualText } from '@safeledger/core';

/**
 * A part of the library a report figure needs that the library does not have yet: the figure
 * is printed as missing, never computed some other way.
 */
export interface Missing {
  readonly id: string;
  readonly label: BilingualText;
}

const missing = (id: string, en: string, zh: string): Missing => ({
  id,
  label: { en, 'zh-CN': zh },
});

/**
 * What the report's figures wait for. The aggregates behind them are in the library, but a
 * figure is a query of a read model (domain spec §5): most of these read models are not in the
 * library yet, and where one is, the generator does not yet record the events it reads.
 */
export const waitingFor = {
  hazardReadModels: missing(
    'hazard-read-models',
    'hazard read models (P-2, P-3)',
    '隐患读模型（P-2、P-3）',
  ),
} as const;
