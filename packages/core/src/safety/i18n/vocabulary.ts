import type { LabelResolver } from './format-message.js';
import type { Locale } from './locale.js';
import {
  activityCommandLabels,
  activityEventLabels,
  activityTerms,
} from './vocabulary/activity-terms.js';
import {
  enforcementCommandLabels,
  enforcementEventLabels,
  enforcementTerms,
} from './vocabulary/enforcement-terms.js';
import { generalTerms } from './vocabulary/general-terms.js';
import { hazardCommandLabels, hazardEventLabels, hazardTerms } from './vocabulary/hazard-terms.js';
import {
  inspectionCommandLabels,
  inspectionEventLabels,
  inspectionTerms,
} from './vocabulary/inspection-terms.js';
import type { LabelEntry, LabelGroupEntries } from './vocabulary/label-entry.js';
import { ledgerRowTerms } from './vocabulary/ledger-row-terms.js';
import { readModelTerms } from './vocabulary/read-model-terms.js';
import {
  responsibilityCommandLabels,
  responsibilityEventLabels,
  responsibilityTerms,
} from './vocabulary/responsibility-terms.js';
import {
  siteEnterpriseCommandLabels,
  siteEnterpriseEventLabels,
  siteEnterpriseTerms,
} from './vocabulary/site-enterprise-terms.js';
import {
  supervisionItemCommandLabels,
  supervisionItemEventLabels,
  supervisionItemTerms,
} from './vocabulary/supervision-item-terms.js';
import { venueCommandLabels, venueEventLabels, venueTerms } from './vocabulary/venue-terms.js';

/**
 * Declares a vocabulary: groups of codes with their labels in both locales. Keys stay literal, so
 * `LabelKey` can derive a typed union of each group's codes.
 *
 * @throws TypeError when a label is empty in either locale or a Chinese label has no Chinese in
 * it (an untranslated English word), or when a group is empty.
 */
export function defineVocabulary<const V extends Readonly<Record<string, LabelGroupEntries>>>(
  groups: V,
): V {
  for (const [group, entries] of Object.entries(groups)) {
    if (Object.keys(entries).length === 0) throw new TypeError(`label group "${group}" is empty`);
    for (const [code, entry] of Object.entries(entries)) {
      const problem = labelProblem(entry);
      if (problem !== undefined) throw new TypeError(`label ${group}.${code}: ${problem}`);
    }
  }
  return Object.freeze(groups);
}

const HAN = /\p{Script=Han}/u;

/** Why a label is incomplete, or `undefined` when both locales are present and plausible. */
export function labelProblem(entry: LabelEntry): string | undefined {
  if (typeof entry.en !== 'string' || entry.en.trim() === '') return 'English is missing';
  if (typeof entry['zh-CN'] !== 'string' || entry['zh-CN'].trim() === '')
    return 'Chinese is missing';
  if (!HAN.test(entry['zh-CN'])) return `Chinese "${entry['zh-CN']}" has no Chinese characters`;
  return undefined;
}

/**
 * The domain's vocabulary in zh-CN and en: every state, event type, command type, role, grade,
 * nature, source, kind and level of the domain spec, the read models of §5 and their columns, and
 * every field of their ledgers' rows.
 * Codes are the spec's; where a term is the library's own, its entry has `library: true`.
 */
export const vocabulary = defineVocabulary({
  ...generalTerms,
  ...hazardTerms,
  ...enforcementTerms,
  ...responsibilityTerms,
  ...inspectionTerms,
  ...supervisionItemTerms,
  ...venueTerms,
  ...siteEnterpriseTerms,
  ...activityTerms,
  ...readModelTerms,
  ...ledgerRowTerms,
  /** Every event type of every aggregate (§4.1–§4.9). */
  eventType: {
    ...hazardEventLabels,
    ...enforcementEventLabels,
    ...responsibilityEventLabels,
    ...inspectionEventLabels,
    ...supervisionItemEventLabels,
    ...venueEventLabels,
    ...siteEnterpriseEventLabels,
    ...activityEventLabels,
  },
  /** Every command type the spec names (§4.1–§4.8). */
  commandType: {
    ...hazardCommandLabels,
    ...enforcementCommandLabels,
    ...responsibilityCommandLabels,
    ...inspectionCommandLabels,
    ...supervisionItemCommandLabels,
    ...venueCommandLabels,
    ...siteEnterpriseCommandLabels,
    ...activityCommandLabels,
  },
});

/** The name of a vocabulary group (`'role'`, `'hazardState'`, `'eventType'`, …). */
export type LabelGroup = keyof typeof vocabulary;

/** The codes of one group: `LabelKey<'hazardGrade'>` is `'general' | 'major'`. */
export type LabelKey<G extends LabelGroup> = keyof (typeof vocabulary)[G] & string;

/** True when `group` names a vocabulary group. */
export function isLabelGroup(group: string): group is LabelGroup {
  return Object.hasOwn(vocabulary, group);
}

/** True when `code` is a code of the vocabulary group `group`. */
export function isLabelKey<G extends LabelGroup>(group: G, code: string): code is LabelKey<G> {
  return Object.hasOwn(vocabulary[group], code);
}

/**
 * The label of a code in one locale.
 *
 * @example
 * label('hazardGrade', 'major', 'zh-CN'); // "重大事故隐患"
 */
export function label<G extends LabelGroup>(group: G, code: LabelKey<G>, locale: Locale): string {
  const entries: Readonly<Record<string, LabelEntry>> = vocabulary[group];
  const entry = entries[code];
  if (entry === undefined) throw new TypeError(`"${code}" is not a code of label group "${group}"`);
  return entry[locale];
}

/** The resolver `formatMessage` uses for `{x, label, group}`: unknown codes stay as they are. */
export const vocabularyLabels: LabelResolver = (group, code, locale) => {
  if (!isLabelGroup(group) || !isLabelKey(group, code)) return undefined;
  const entries: Readonly<Record<string, LabelEntry>> = vocabulary[group];
  return entries[code]?.[locale];
};
