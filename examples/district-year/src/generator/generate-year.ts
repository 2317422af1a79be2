import { localDateOf } from '@safeledger/core';
import type { Scenario } from '../scenario/schema.js';
import type { World } from '../world/build-world.js';
import { activityYear } from './activity-year.js';
import { yearCalendar } from './calendar.js';
import { caseYear } from './case-year.js';
import { enterpriseYear } from './enterprise-year.js';
import { handoverYear } from './handover-year.js';
import { hazardYear } from './hazard-year.js';
import { inspectionYear } from './inspection-year.js';
import type { PlannedCommand } from './planned-command.js';
import { siteYear } from './site-year.js';
import { venueYear } from './venue-year.js';

/**
 * Turns a scenario into the year's commands, in business-time order (ties broken by plan
 * order, so the order is total and the same for a seed). Each part of the year plans one
 * aggregate's commands from its own seeded random sequence, so adding a part never changes
 * what the others plan.
 */
export function generateYear(scenario: Scenario, world: World): PlannedCommand[] {
  const calendar = yearCalendar(
    scenario.year,
    localDateOf(scenario.asOf, scenario.timezone),
    scenario.timezone,
  );
  // The case, handover and venue parts cite, link or precede the hazards the hazard part
  // plans, so they read that plan.
  const hazards = hazardYear(scenario, world, calendar);
  const parts: PlannedCommand[][] = [
    hazards,
    inspectionYear(scenario, world, calendar),
    caseYear(scenario, world, calendar, hazards),
    handoverYear(scenario, world, calendar, hazards),
    siteYear(scenario, world, calendar),
    enterpriseYear(scenario, world, calendar),
    // Venues are spot-checked before the hazards found at them are registered.
    venueYear(scenario, world, calendar, hazards),
    activityYear(scenario, world, calendar),
    // Each further part of the year is one line here.
  ];
  // A stable sort by business time keeps each stream's own order (its times never decrease).
  return parts
    .flat()
    .map((command, index) => ({ command, index }))
    .sort((a, b) => a.command.at.localeCompare(b.command.at) || a.index - b.index)
    .map((entry) => entry.command);
}
