import { parseArgs } from 'node:util';
import { isLocale, type Locale } from '@safeledger/core';
import { type StoreKind, storeKinds } from '../run/stores.js';

/** What the command line asked for. */
export interface DemoOptions {
  readonly help: boolean;
  readonly scenario: string | undefined;
  readonly store: StoreKind;
  readonly db: string | undefined;
  readonly pgUrl: string | undefined;
  readonly lang: Locale;
  readonly html: string | undefined;
  readonly xlsx: string | undefined;
}

/** Bad command-line arguments: the message says which and why; the demo exits with code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The usage text of `pnpm demo`. */
export const usage = `Usage: pnpm demo [options]

Replays a district's supervision year through safeledger's command handlers, then prints its
report from the read models (domain spec §7).

Options:
  --scenario FILE      scenario file (JSON); default: the 2024 reference scenario
  --store KIND         memory | sqlite | postgres; default: sqlite in a new temporary folder
  --db PATH            SQLite database file (with --store sqlite)
  --pg-url URL         PostgreSQL connection string (with --store postgres; default: $PG_URL)
  --lang LOCALE        zh-CN | en; default: en
  --html FILE          also write the report as a self-contained HTML page with charts
  --xlsx FILE          also write the hazard, overdue and major-hazard ledgers as a workbook
  -h, --help           show this help

Exit codes: 0 done, 1 the scenario or the run failed, 2 bad arguments.`;

/**
 * Parses the demo's arguments with Node's `util.parseArgs` (strict: unknown options and
 * positionals are errors), then checks the values and their combinations.
 *
 * @throws UsageError naming the argument and the rule it breaks.
 */
export function parseDemoArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): DemoOptions {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const store = values.store ?? 'sqlite';
  if (!(storeKinds as readonly string[]).includes(store)) {
    throw new UsageError(`--store must be one of ${storeKinds.join(', ')}, got "${store}"`);
  }
  const lang = values.lang ?? 'en';
  if (!isLocale(lang)) throw new UsageError(`--lang must be zh-CN or en, got "${lang}"`);
  if (values.db !== undefined && store !== 'sqlite') {
    throw new UsageError(`--db is for --store sqlite, not --store ${store}`);
  }
  if (values['pg-url'] !== undefined && store !== 'postgres') {
    throw new UsageError(`--pg-url is for --store postgres, not --store ${store}`);
  }
  const pgUrl = values['pg-url'] ?? (store === 'postgres' ? env.PG_URL : undefined);
  if (store === 'postgres' && (pgUrl === undefined || pgUrl === '')) {
    throw new UsageError('--store postgres needs --pg-url URL (or the PG_URL variable)');
  }
  for (const name of ['scenario', 'db', 'html', 'xlsx'] as const) {
    if (values[name] === '') throw new UsageError(`--${name} needs a file name`);
  }
  return {
    help: values.help ?? false,
    scenario: values.scenario,
    store: store as StoreKind,
    db: values.db,
    pgUrl,
    lang,
    html: values.html,
    xlsx: values.xlsx,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      scenario: { type: 'string' },
      store: { type: 'string' },
      db: { type: 'string' },
      'pg-url': { type: 'string' },
      lang: { type: 'string' },
      html: { type: 'string' },
      xlsx: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
