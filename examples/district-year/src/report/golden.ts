import { type ReportLineId, reportLineIds, reportTemplates } from './report-lines.js';

/** The expected output of the reference scenario, verbatim from domain spec §7.3. */
export const goldenReport2024 = [
  'ROOT campaign 2024: units inspected 1107, hazards 6692, rectified 6257, rate 93.49%',
  'Major accident hazards 2024: reported 116, rectified 115, rate 99.14%',
  'Handover: petitions 7/7 closed; municipal items 105 units, hazards 280/280 closed; tour finding measures 4/4',
  'Venues: registered 2458, spot-checked 1641, hazards 269/269; Q4 patrol 100.00%; Dec self-check 100.00%',
  'Venue marking: industry 100.00%, special 100.00%, territorial 100.00%, fire advisor 100.00%',
  'Multi-tenant sites: landlords 43, productive tenants 153, visits 318, hazards 3803/3803 (major 5), cases 9, alarms 206, smoke detectors 396',
  'Service visits: enterprises 142, hazards 1293; teams 9 (officers 15, experts 9)',
  'Enforcement: enterprises 130, hazards 801/801; cases 28, major-hazard cases 17, dual penalties 17',
  'Enterprises: risk reports 453, standardization grade 2: 12, grade 3: 90, emergency teams 26',
  'Activities: key-sector trainings 20, training person-times 2536+, steward-system enterprises 300+, drills 7, plans revised 6, hall visitors 1000+',
  'Duty watch 2024: gaps 0',
] as const;

/**
 * Reads the figures out of a printed English line with the line's template, so a line whose
 * figures are only partly available can still be compared figure by figure.
 */
export function parseLine(id: ReportLineId, text: string): Record<string, string> | undefined {
  const pattern = reportTemplates[id].en
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      return name === undefined ? part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : `(?<${name}>.+?)`;
    })
    .join('');
  return new RegExp(`^${pattern}$`).exec(text)?.groups;
}

/** The golden figures of every line, by line id. */
export function goldenFigures(): Record<ReportLineId, Record<string, string>> {
  return Object.fromEntries(
    reportLineIds.map((id, index) => [id, parseLine(id, goldenReport2024[index] as string) ?? {}]),
  ) as Record<ReportLineId, Record<string, string>>;
}
