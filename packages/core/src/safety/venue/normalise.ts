/**
 * The form of a venue's name or address that V-1 compares: Unicode NFKC (full-width letters,
 * digits and the ideographic space become their half-width forms), lower case, no white space.
 * `ＡＢＣ 小吃　店` and `abc小吃店` are the same venue name.
 */
export function normaliseVenueText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/** The V-1 key of a venue's name and address: both normalised, joined by a space (which neither can hold once white space is removed). */
export function venueNameAddressKey(name: string, address: string): string {
  return `${normaliseVenueText(name)} ${normaliseVenueText(address)}`;
}

/** The V-1 key of a unified social credit code: upper case, no white space (NFKC first). */
export function venueUsccKey(uscc: string): string {
  return uscc.normalize('NFKC').toUpperCase().replace(/\s+/gu, '');
}
