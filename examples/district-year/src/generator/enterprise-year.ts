import { enterpriseStreamId, usccCheckCharacter } from '@safeledger/core';
import type { Scenario } from '../scenario/schema.js';
import type { World, WorldEnterprise } from '../world/build-world.js';
import { gradingOfficer, territorialOfficerOf } from '../world/compliance-authorities.js';
import type { YearCalendar } from './calendar.js';
import type { PlannedCommand } from './planned-command.js';
import { createRandom } from './random.js';

// Distinguishes this part's random sequence from the other parts' (see `generateYear`).
const SEED = 0xe17e;

const USCC_DIGITS = '0123456789';

/**
 * A valid unified social credit code for the n-th enterprise (E-1): a legal-person
 * enterprise's registration codes (`91`, then the district's administrative division code),
 * a nine-character body from the serial, and the GB 32100-2015 check character.
 */
export function usccOf(serial: number): string {
  let body = '';
  for (let n = serial, i = 0; i < 9; i++, n = Math.floor(n / 10)) {
    body = USCC_DIGITS[n % 10] + body;
  }
  const withoutCheck = `91320913${body}`;
  return withoutCheck + usccCheckCharacter(withoutCheck);
}

type EnterpriseCommand = Extract<PlannedCommand, { aggregate: 'enterprise' }>['command'];

/**
 * The enterprise registry's part of the year (§4.8, §7.1 #32, #34, #44): only the enterprises
 * the report needs enter the registry, as many as the largest of its counts. The first of them
 * file the year's periodic risk report in the first quarter (E-4), some are awarded grade 2 or
 * grade 3 by the provincial or municipal authority (E-3), and some set up an emergency team.
 */
export function enterpriseYear(
  scenario: Scenario,
  world: World,
  calendar: YearCalendar,
): PlannedCommand[] {
  const random = createRandom(scenario.seed ^ SEED);
  const { enterprises: figures } = scenario;
  const pools = world.pools;
  const everyone: readonly WorldEnterprise[] = [
    ...pools.landlords,
    ...pools.tenants,
    ...pools.enforcement,
    ...pools.handover,
    ...pools.service,
    ...pools.other,
  ];
  const graded = figures.standardizationGrade2 + figures.standardizationGrade3;
  const needed = Math.max(figures.riskReports, graded, figures.emergencyTeams);
  const registered = random.shuffle(everyone).slice(0, needed);
  const parks = world.directory.areas().map((area) => area.id);
  const planned: PlannedCommand[] = [];
  const steps = new Map<string, number>();
  const add = (e: WorldEnterprise, at: string, command: EnterpriseCommand) => {
    const step = (steps.get(e.id) ?? 0) + 1;
    steps.set(e.id, step);
    planned.push({
      aggregate: 'enterprise',
      streamId: enterpriseStreamId(e.id),
      commandId: `${e.id}/registry/${step}`,
      at,
      command,
    });
  };

  registered.forEach((e, index) => {
    const record = world.directory.enterprise(e.id)!;
    add(e, calendar.at(calendar.day(random.int(0, 6)), 9, index % 60), {
      type: 'RegisterEnterprise',
      actor: territorialOfficerOf(parks.indexOf(record.areaId)),
      enterpriseId: e.id,
      uscc: usccOf(Number(e.id.replace(/\D/g, ''))),
      name: record.name,
      areaId: record.areaId,
      sectorCode: record.sectorCode ?? 'C00',
      industryRegulatorOrgId: world.bureauId,
      principal: { personId: e.principal.personId, name: `Principal of ${e.id}` },
    });
  });
  // Q1 of the year: the periodic report is due by 31 March (E-4).
  for (const e of registered.slice(0, figures.riskReports)) {
    add(e, calendar.at(calendar.day(random.int(10, 80)), 10), {
      type: 'FileRiskReport',
      actor: e.principal,
      year: scenario.year,
      reportType: 'periodic',
      risks: [
        {
          level: random.int(0, 4) === 0 ? 'significant' : 'general',
          description: 'Routine risk inventory',
        },
      ],
    });
  }
  const awardees = random.shuffle(registered).slice(0, graded);
  awardees.forEach((e, index) => {
    const grade = index < figures.standardizationGrade2 ? 2 : 3;
    const day = calendar.day(random.int(90, Math.max(90, calendar.span - 10)));
    add(e, calendar.at(day, 15), {
      type: 'AwardStandardizationGrade',
      actor: gradingOfficer(grade),
      grade,
      authorityOrgId: gradingOfficer(grade).orgId!,
      awardedOn: day,
      publicNoticeRef: `${scenario.year}-G${grade}-${index + 1}`,
    });
  });
  for (const e of random.shuffle(registered).slice(0, figures.emergencyTeams)) {
    add(e, calendar.at(calendar.day(random.int(20, Math.max(20, calendar.span - 5))), 11), {
      type: 'EstablishEmergencyTeam',
      actor: e.principal,
      memberCount: random.int(6, 30),
    });
  }
  return planned;
}
