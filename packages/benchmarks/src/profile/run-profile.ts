import os from 'node:os';
import { parseArgs } from 'node:util';
import { profiledStores, profileHazardPath, renderHazardProfiles } from './hazard-profile.js';

// `pnpm bench:profile`: where each microsecond of the hazard command path goes, in memory and
// SQLite. Prints a markdown table; docs/benchmarks.md quotes one run of it.

const { values } = parseArgs({ options: { hazards: { type: 'string', default: '500' } } });
const hazards = Number(values.hazards);
if (!Number.isInteger(hazards) || hazards < 1) {
  throw new Error(`--hazards must be a positive integer, got "${values.hazards}"`);
}
const loadBefore = os.loadavg()[0] ?? 0;
const profiles = [];
for (const subject of profiledStores) profiles.push(await profileHazardPath(subject, hazards));
console.log(renderHazardProfiles(profiles));
console.log(
  `\n${hazards} hazards × 4 commands per store, each figure the median of ${profiles[0]?.rounds ?? 0} rounds after a warm-up; Node.js ${process.version}, ${os.cpus().length} cores; load (1-minute average) ${loadBefore.toFixed(2)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(2)} at the end.`,
);
