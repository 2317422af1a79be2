import { defaultPenaltyBasisTable, fineBoundFor, type RespondentKind } from '@safeledger/core';
import type { CaseFines } from './schema.js';

/** Which range of `cases.fines` a penalty of the generated cases draws its amount from. */
export type FineRangeName = 'unit' | 'principal' | 'landlordPrincipal';

/**
 * The provisions each fine range is cited under (§7.2): a unit is fined under WSL 2021 Art. 102,
 * or Art. 103(2) when it is a multi-tenant landlord; its principal under Art. 94(1), or Art.
 * 103(2) for a landlord. A range must fit every provision it is cited under.
 */
export const fineProvisions: Readonly<
  Record<FineRangeName, { readonly kind: RespondentKind; readonly provisions: readonly string[] }>
> = {
  unit: { kind: 'unit', provisions: ['WSL2021-102', 'WSL2021-103(2)'] },
  principal: { kind: 'individual', provisions: ['WSL2021-94(1)'] },
  landlordPrincipal: { kind: 'individual', provisions: ['WSL2021-103(2)'] },
};

/**
 * The problems of the fine ranges: a range upside down, outside the statutory range of a
 * provision it is cited under (the decider would reject the fine, EC-10), or holding no
 * multiple of the step to draw.
 */
export function caseFineProblems(
  fines: CaseFines,
  fail: (field: string, message: string) => void,
): void {
  for (const name of Object.keys(fineProvisions) as FineRangeName[]) {
    const field = `cases.fines.${name}`;
    const { minCny, maxCny } = fines[name];
    if (minCny > maxCny) {
      fail(`${field}.minCny`, `${minCny} is more than maxCny (${maxCny})`);
      continue;
    }
    const { kind, provisions } = fineProvisions[name];
    const who = kind === 'unit' ? 'a unit' : 'an individual';
    const bounds: { citation: string; minCny: number; maxCny: number }[] = [];
    for (const provision of provisions) {
      const bound = fineBoundFor(defaultPenaltyBasisTable, provision, kind);
      const citation = defaultPenaltyBasisTable.find(provision)?.citation ?? provision;
      if (bound === undefined || bound === null || bound.kind !== 'range') {
        fail(field, `${citation} sets no fine range for ${who}`);
      } else {
        bounds.push({ citation, minCny: bound.minCny, maxCny: bound.maxCny });
      }
    }
    // One message per end of the range: the provision that binds it most tightly.
    const floor = bounds.reduce<(typeof bounds)[number] | undefined>(
      (tightest, b) => (tightest === undefined || b.minCny > tightest.minCny ? b : tightest),
      undefined,
    );
    const ceiling = bounds.reduce<(typeof bounds)[number] | undefined>(
      (tightest, b) => (tightest === undefined || b.maxCny < tightest.maxCny ? b : tightest),
      undefined,
    );
    if (floor !== undefined && minCny < floor.minCny) {
      fail(
        `${field}.minCny`,
        `${minCny} is less than ${floor.citation} allows ${who} (${floor.minCny})`,
      );
    }
    if (ceiling !== undefined && maxCny > ceiling.maxCny) {
      fail(
        `${field}.maxCny`,
        `${maxCny} is more than ${ceiling.citation} allows ${who} (${ceiling.maxCny})`,
      );
    }
    const steps = fineSteps(fines, name);
    if (steps.first > steps.last) {
      fail(field, `no multiple of stepCny (${fines.stepCny}) lies between ${minCny} and ${maxCny}`);
    }
  }
}

/**
 * The amounts a range allows are the multiples of `stepCny` within it: `k × stepCny` for k from
 * `first` to `last` (none when `first > last`).
 */
export function fineSteps(
  fines: CaseFines,
  name: FineRangeName,
): { readonly first: number; readonly last: number } {
  const { minCny, maxCny } = fines[name];
  return { first: Math.ceil(minCny / fines.stepCny), last: Math.floor(maxCny / fines.stepCny) };
}
