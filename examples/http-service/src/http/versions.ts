/** The strong entity tag of a stream version: `"7"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The expected version an `If-Match` header asks for, `undefined` without one, or `null` when
 * the header is not a single version tag this service issued (the caller answers 400).
 */
export function expectedVersionOf(ifMatch: string | undefined): number | undefined | null {
  if (ifMatch === undefined) return undefined;
  const match = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(ifMatch);
  return match === null ? null : Number(match[1]);
}
