import type { AggregateCatalog } from '../aggregates.js';
import type { RuleEntry } from '../rules/rule-catalog.js';
import type { PlannedAggregate, PlannedReadModel } from './planned.js';

/** What the README's status table is computed from. */
export interface StatusInput {
  /** The implemented aggregates (`aggregateCatalogs`). */
  readonly catalogs: readonly AggregateCatalog[];
  readonly generalRules: readonly RuleEntry[];
  /** Every aggregate of the domain spec, in its order. */
  readonly specAggregates: readonly PlannedAggregate[];
  readonly readModels: readonly PlannedReadModel[];
  /** Rule ids a test is named after (`it('H-13 …')`), found by scanning the test files. */
  readonly testedRuleIds: ReadonlySet<string>;
}

/**
 * Renders the README's status table: each aggregate of the domain spec (implemented, and
 * whether every rule has a test named after its id, or planned), the general rules, and the read
 * models. Nothing in it is typed by hand except the spec's list of what is planned.
 */
export function renderStatusTable(input: StatusInput): string {
  const implemented = new Map(input.catalogs.map((catalog) => [catalog.name, catalog]));
  const unknown = input.catalogs.filter(
    (catalog) => !input.specAggregates.some((spec) => spec.name === catalog.name),
  );
  if (unknown.length > 0) {
    throw new Error(
      `aggregates missing from the spec list: ${unknown.map((c) => c.name).join(', ')}`,
    );
  }
  const lines = [
    '| Part | Spec | Stream | Status | Rules | Commands | Events | Docs |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    row([
      'General rules',
      '§3',
      '—',
      'implemented',
      ruleSummary(input.generalRules, input.testedRuleIds),
      '—',
      '—',
      '[rules](docs/domain/hazard-rules.md#general-rules)',
    ]),
  ];
  for (const spec of input.specAggregates) {
    const catalog = implemented.get(spec.name);
    if (catalog === undefined) {
      lines.push(
        row([
          spec.name,
          `§${spec.specSection}`,
          `\`${spec.stream}\``,
          'planned',
          `${spec.rulePrefix}-…`,
          '—',
          '—',
          '—',
        ]),
      );
      continue;
    }
    const tested = catalog.rules.every((rule) => input.testedRuleIds.has(rule.id));
    lines.push(
      row([
        `**${catalog.name}**`,
        `§${catalog.specSection}`,
        `\`${catalog.stream}\``,
        tested ? 'implemented, tested' : 'implemented',
        ruleSummary(catalog.rules, input.testedRuleIds),
        String(catalog.commands.length),
        String(catalog.events.length),
        `[guide](docs/domain/${catalog.slug}.md), rules ([en](docs/domain/${catalog.slug}-rules.md), [中文](docs/domain/${catalog.slug}-rules.zh-CN.md)), [reference](docs/domain/${catalog.slug}-reference.md)`,
      ]),
    );
  }
  lines.push('', '| Read model | Name | Status |', '| --- | --- | --- |');
  for (const model of input.readModels) lines.push(row([model.id, model.name, statusOf(model)]));
  return lines.join('\n');
}

function statusOf(model: PlannedReadModel): string {
  if (model.implementedBy === undefined) return 'planned';
  const names = model.implementedBy.map((name) => `\`${name}\``).join(', ');
  return `implemented (${names})${model.limits === undefined ? '' : `, ${model.limits}`}`;
}

function ruleSummary(rules: readonly RuleEntry[], tested: ReadonlySet<string>): string {
  const first = rules[0]?.id;
  const last = rules.at(-1)?.id;
  const named = rules.filter((rule) => tested.has(rule.id)).length;
  const range = first === undefined ? 'none' : `${rules.length} (${first}…${last})`;
  return named === rules.length
    ? `${range}, each with a test named after it`
    : `${range}, ${named} with a test named after it`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
