import type { BilingualText } from '../locale.js';

/** One term of the vocabulary in both locales. */
export interface LabelEntry extends BilingualText {
  /**
   * True for a term the library coined where the regulations have none (the `System` role, the
   * `verified` state): applications should not present it as a statutory term.
   */
  readonly library?: true;
}

/** A group of terms keyed by the codes that commands, events and read models carry. */
export type LabelGroupEntries = Readonly<Record<string, LabelEntry>>;

/** A term of the regulations or of established practice: Chinese first, as the documents use it. */
export function term(zh: string, en: string): LabelEntry {
  return { 'zh-CN': zh, en };
}

/** A term the library coined (see `LabelEntry.library`). */
export function libraryTerm(zh: string, en: string): LabelEntry {
  return { 'zh-CN': zh, en, library: true };
}
