import { type Statement, statement } from './database.js';
import { isoText } from './migrations.js';
import { quoteIdentifier } from './schema-name.js';

// Columns of an event row as the driver reads it (see `toStoredEvent`).
const EVENT_COLUMNS = `e.epoch, e.xid, e.seq, e.event_id, e.stream_id, e.version, e.type,
  e.schema_version, e.data, e.metadata, e.recorded_at`;
const OUTPUT_COLUMNS = `p.epoch, p.xid::text AS xid, p.seq, p.event_id, p.stream_id, p.version,
  p.type, p.schema_version, p.data, p.metadata, ${isoText('p.recorded_at')} AS recorded_at`;

/**
 * The visibility bound of one statement, i.e. of one snapshot (R1). Rows of the current epoch
 * are final once their xid is below the snapshot's xmin: every transaction that could still
 * commit a row there is running, so it has an xid at or above xmin. While a new epoch settles
 * (cutover null or not yet below xmin) the bound stays in the previous epoch. A cutover at or
 * above the snapshot's xmax was recorded in another cluster (see migration 3) and is settled.
 */
function bound(s: string): string {
  return `b AS MATERIALIZED (
  SELECT CASE WHEN m.cutover IS NOT NULL AND (x.xmin >= m.cutover OR m.cutover >= x.xmax)
              THEN m.epoch ELSE m.epoch - 1 END AS epoch,
         x.xmin
  FROM ${s}.store_meta m
  CROSS JOIN (SELECT pg_snapshot_xmin(sn) AS xmin, pg_snapshot_xmax(sn) AS xmax
              FROM (SELECT pg_current_snapshot() AS sn) c) x
)`;
}

/**
 * Rows after a position and below the bound, in position order. Two branches, because a B-tree
 * scan stops at a row-comparison upper bound only on its first column: with scalar keys
 * (`epoch < b` / `epoch = b AND xid < xmin`) the scan ends at the bound instead of walking the
 * rows a long-open transaction holds back.
 */
function visibleAfter(s: string, filter: string, limit: string): string {
  const after = '(e.epoch, e.xid, e.seq) > ($2::integer, $3::xid8, $4::integer)';
  return `SELECT q.* FROM (
    (SELECT ${EVENT_COLUMNS} FROM ${s}.events e
     WHERE e.tenant_id = $1 AND ${after} AND e.epoch < (SELECT epoch FROM b) ${filter}
     ORDER BY e.epoch, e.xid, e.seq LIMIT ${limit})
    UNION ALL
    (SELECT ${EVENT_COLUMNS} FROM ${s}.events e
     WHERE e.tenant_id = $1 AND ${after} AND e.epoch = (SELECT epoch FROM b)
       AND e.xid >= ${XID_FLOOR} AND e.xid < (SELECT xmin FROM b) ${filter}
     ORDER BY e.epoch, e.xid, e.seq LIMIT ${limit})
  ) q ORDER BY q.epoch, q.xid, q.seq LIMIT ${limit}`;
}

/**
 * Where the bound epoch's scan starts. With `epoch = b` in the same scan, the B-tree starts at
 * that equality and uses the row comparison only as a filter, so every read walked the epoch's
 * index from its first event up to the reader's position: a catch-up's reads grew with the log
 * (433 ms and 24,000 buffers per page of 2,000 at the 4,000,000th event). A scalar lower bound
 * on `xid` starts the scan at the position instead. It is implied by the row comparison when
 * the position lies in the bound epoch or later; for an earlier epoch every xid qualifies.
 */
const XID_FLOOR =
  "(CASE WHEN $2::integer >= (SELECT epoch FROM b) THEN $3::xid8 ELSE '0'::xid8 END)";

/** The last visible position of the tenant, whatever its type or category. */
function head(s: string): string {
  return `h AS (
  SELECT q.* FROM (
    (SELECT e.epoch, e.xid, e.seq FROM ${s}.events e
     WHERE e.tenant_id = $1 AND e.epoch = (SELECT epoch FROM b) AND e.xid < (SELECT xmin FROM b)
     ORDER BY e.epoch DESC, e.xid DESC, e.seq DESC LIMIT 1)
    UNION ALL
    (SELECT e.epoch, e.xid, e.seq FROM ${s}.events e
     WHERE e.tenant_id = $1 AND e.epoch < (SELECT epoch FROM b)
     ORDER BY e.epoch DESC, e.xid DESC, e.seq DESC LIMIT 1)
  ) q ORDER BY q.epoch DESC, q.xid DESC, q.seq DESC LIMIT 1
)`;
}

/**
 * One 'p' row when committed rows wait beyond the bound (an older transaction is still open),
 * so the caller may wait a little for them. The tenant's last row overall is one backward index
 * descent; rows beyond the bound exist exactly when it lies beyond the bound.
 */
function pending(s: string): string {
  return `SELECT 'p', NULL::integer, NULL::text, NULL::integer, NULL, NULL, NULL, NULL, NULL, NULL,
  NULL, NULL
FROM (SELECT e.epoch, e.xid FROM ${s}.events e WHERE e.tenant_id = $1
      ORDER BY e.epoch DESC, e.xid DESC, e.seq DESC LIMIT 1) t
WHERE (t.epoch, t.xid) >= ((SELECT epoch FROM b), (SELECT xmin FROM b))`;
}

/**
 * Counts up to a cap. The inner scans run in index order so the planner walks the index from
 * the lower bound instead of scanning the table for matches it expects to find early.
 */
function visibleCount(s: string, limit: string): string {
  const after = '(e.epoch, e.xid, e.seq) > ($2::integer, $3::xid8, $4::integer)';
  return `(SELECT count(*) FROM (SELECT 1 FROM ${s}.events e
     WHERE e.tenant_id = $1 AND ${after} AND e.epoch < (SELECT epoch FROM b)
     ORDER BY e.epoch, e.xid, e.seq LIMIT ${limit}) x)
  + (SELECT count(*) FROM (SELECT 1 FROM ${s}.events e
     WHERE e.tenant_id = $1 AND ${after} AND e.epoch = (SELECT epoch FROM b)
       AND e.xid >= ${XID_FLOOR} AND e.xid < (SELECT xmin FROM b)
     ORDER BY e.epoch, e.xid, e.seq LIMIT ${limit}) y)`;
}

/** Committed rows beyond the bound (held back), counted up to a cap. */
function heldBackCount(s: string, limit: string): string {
  return `(SELECT count(*) FROM (SELECT 1 FROM ${s}.events e
     WHERE e.tenant_id = $1 AND e.epoch = (SELECT epoch FROM b) AND e.xid >= (SELECT xmin FROM b)
     ORDER BY e.epoch, e.xid, e.seq LIMIT ${limit}) x)
  + (SELECT count(*) FROM (SELECT 1 FROM ${s}.events e
     WHERE e.tenant_id = $1 AND e.epoch > (SELECT epoch FROM b)
     ORDER BY e.epoch, e.xid, e.seq LIMIT ${limit}) y)`;
}

const TYPE_FILTER = 'AND ($6::text[] IS NULL OR e.type = ANY ($6::text[]))';

/** Every statement of a store, for one schema. */
export interface Statements {
  readonly append: Statement;
  readonly eventsById: Statement;
  readonly commandEvents: Statement;
  readonly streamVersion: Statement;
  readonly readStreamForward: Statement;
  readonly readStreamBackward: Statement;
  readonly readAll: Statement;
  readonly readAllFiltered: Statement;
  readonly readAllByCategory: Statement;
  readonly lag: Statement;
  readonly head: Statement;
  readonly schemaVersion: Statement;
  readonly clusterStatus: Statement;
  readonly recordSystemIdentifier: Statement;
  readonly advanceEpoch: Statement;
  readonly completeCutover: Statement;
  readonly snapshotLoad: Statement;
  readonly snapshotSave: Statement;
  readonly checkpointGet: Statement;
  readonly documentsLoad: Statement;
  readonly documentGet: Statement;
  readonly documentsList: Statement;
  readonly projectionCommit: Statement;
  readonly projectionReset: Statement;
  readonly leaseProbe: Statement;
  readonly leaseEnsure: Statement;
  readonly leaseLock: Statement;
  readonly leaseHolderGone: Statement;
  readonly leaseTake: Statement;
  readonly leaseRenew: Statement;
  readonly leaseRelease: Statement;
}

/** Builds the statements of a schema (the name must be validated). */
export function buildStatements(schema: string): Statements {
  const s = quoteIdentifier(schema);
  const eventSelect = `SELECT e.epoch, e.xid::text AS xid, e.seq, e.event_id, e.stream_id,
  e.version, e.type, e.schema_version, e.data, e.metadata, ${isoText('e.recorded_at')} AS recorded_at
FROM ${s}.events e`;
  const leaseKey = 'WHERE l.tenant_id = $1 AND l.name = $2';
  return {
    // Only the columns of an 'ok' or 'conflict' answer: every execution carries a row description
    // of what it selects, and parsing twelve columns per append cost the client measurable CPU
    // with 16 writers. A 'duplicate' answer (a retried batch) reads its stored events by id.
    append: statement(
      `SELECT kind, version, epoch, xid, seq FROM ${s}.append_events($1, $2, $3, $4::jsonb, $5)`,
    ),
    // Only after a unique violation on an event id: planned per call, so it always probes the
    // primary key (a plan cached while the table was empty could walk the tenant's log).
    eventsById: statement(
      `${eventSelect} WHERE e.tenant_id = $1 AND e.event_id = ANY ($2::text[])`,
      { prepare: false },
    ),
    // Matches the partial index events_command: equality on the expression implies NOT NULL.
    commandEvents: statement(
      `${eventSelect} WHERE e.tenant_id = $1 AND e.stream_id = $2
  AND (e.metadata ->> 'commandId') = $3 ORDER BY e.version`,
    ),
    streamVersion: statement(
      `SELECT coalesce((SELECT st.version FROM ${s}.streams st
        WHERE st.tenant_id = $1 AND st.stream_id = $2), 0) AS version`,
    ),
    readStreamForward: statement(
      `${eventSelect} WHERE e.tenant_id = $1 AND e.stream_id = $2 AND e.version >= $3
ORDER BY e.version LIMIT $4`,
    ),
    readStreamBackward: statement(
      `${eventSelect} WHERE e.tenant_id = $1 AND e.stream_id = $2 AND e.version <= $3
ORDER BY e.version DESC LIMIT $4`,
    ),
    // $1 tenant, $2-$4 the position to read after, $5 the page size; $6 types, $7 categories.
    readAll: statement(
      `WITH ${bound(s)},
page AS (${visibleAfter(s, '', '$5')})
SELECT 'e' AS kind, ${OUTPUT_COLUMNS} FROM page p
UNION ALL
${pending(s)}`,
    ),
    readAllFiltered: statement(
      `WITH ${bound(s)},
page AS (${visibleAfter(s, TYPE_FILTER, '$5')}),
${head(s)}
SELECT 'e' AS kind, ${OUTPUT_COLUMNS} FROM page p
UNION ALL
SELECT 'h', h.epoch, h.xid::text, h.seq, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM h
UNION ALL
${pending(s)}`,
    ),
    // $7 categories: one ordered, limited scan of the category index per category, merged.
    readAllByCategory: statement(
      `WITH ${bound(s)},
page AS (
  SELECT c.* FROM (SELECT DISTINCT unnest($7::text[]) AS category) k
  CROSS JOIN LATERAL (${visibleAfter(s, `${TYPE_FILTER} AND e.category = k.category`, '$5')}) c
  ORDER BY c.epoch, c.xid, c.seq LIMIT $5
),
${head(s)}
SELECT 'e' AS kind, ${OUTPUT_COLUMNS} FROM page p
UNION ALL
SELECT 'h', h.epoch, h.xid::text, h.seq, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM h
UNION ALL
${pending(s)}`,
    ),
    head: statement(
      `WITH ${bound(s)},
${head(s)}
SELECT h.epoch, h.xid::text AS xid, h.seq FROM h`,
    ),
    // $2-$4 the checkpoint, $5 a cap on counting.
    lag: statement(
      `WITH ${bound(s)},
${head(s)},
blocker AS (
  SELECT a.pid, a.backend_xid::text AS xid, ${isoText('a.xact_start')} AS started_at,
         (extract(epoch FROM clock_timestamp() - a.xact_start) * 1000)::bigint AS age_ms,
         a.state, a.application_name, a.datname, NULL::text AS prepared
  FROM pg_stat_activity a
  WHERE a.backend_xid = xid((SELECT xmin FROM b))
  UNION ALL
  SELECT NULL, p.transaction::text, ${isoText('p.prepared')},
         (extract(epoch FROM clock_timestamp() - p.prepared) * 1000)::bigint, 'prepared', NULL,
         p.database, p.gid
  FROM pg_prepared_xacts p
  WHERE p.transaction = xid((SELECT xmin FROM b))
  LIMIT 1
)
SELECT
  ${visibleCount(s, '$5')} AS behind,
  ${heldBackCount(s, '$5')} AS held_back,
  (SELECT h.epoch FROM h) AS head_epoch, (SELECT h.xid::text FROM h) AS head_xid,
  (SELECT h.seq FROM h) AS head_seq,
  (SELECT xmin::text FROM b) AS horizon,
  (SELECT m.cutover IS NULL FROM ${s}.store_meta m) AS cutover_pending,
  k.pid, k.xid AS blocker_xid, k.started_at, k.age_ms, k.state, k.application_name, k.datname,
  k.prepared
FROM (SELECT 1) one LEFT JOIN blocker k ON true`,
    ),
    schemaVersion: statement(`SELECT max(version) AS version FROM ${s}.migrations`),
    clusterStatus: statement(
      `SELECT m.epoch, m.cutover IS NULL AS cutover_pending, m.system_identifier AS recorded,
  ${s}.current_system_identifier() AS current,
  EXISTS (SELECT 1 FROM ${s}.events e
          WHERE e.tenant_id = $1 AND e.epoch = m.epoch
            AND e.xid >= pg_snapshot_xmax(pg_current_snapshot())) AS xids_ahead
FROM ${s}.store_meta m`,
    ),
    recordSystemIdentifier: statement(
      `UPDATE ${s}.store_meta SET system_identifier = ${s}.current_system_identifier()
WHERE id = 1 AND system_identifier IS NULL`,
    ),
    advanceEpoch: statement(`SELECT * FROM ${s}.advance_epoch($1, $2)`),
    completeCutover: statement(`SELECT ${s}.complete_cutover()`),
    snapshotLoad: statement(
      `SELECT sn.version, sn.state, sn.commands, ${isoText('sn.taken_at')} AS taken_at
FROM ${s}.snapshots sn WHERE sn.tenant_id = $1 AND sn.stream_id = $2 AND sn.key = $3`,
    ),
    snapshotSave: statement(
      `INSERT INTO ${s}.snapshots AS sn (tenant_id, stream_id, key, version, state, commands, taken_at)
VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7)
ON CONFLICT (tenant_id, stream_id, key) DO UPDATE
SET version = excluded.version, state = excluded.state, commands = excluded.commands,
    taken_at = excluded.taken_at
WHERE sn.version < excluded.version`,
    ),
    checkpointGet: statement(
      `SELECT c.name, c.version, c.position, c.status, c.failure, ${isoText('c.updated_at')} AS updated_at
FROM ${s}.projection_checkpoints c WHERE c.tenant_id = $1 AND c.name = $2`,
    ),
    // One primary-key probe per id, whatever the planner believes about the table: with
    // `id = ANY ($3)`, a plan cached while the table was empty, or made from statistics that
    // lag a fast-growing table, walks every document of the projection and filters them (1.1 s
    // for 450 ids among 300,000 documents, against 8 ms for 450 probes). The LIMIT keeps the
    // lateral subquery from being flattened into a join the planner could hash instead.
    documentsLoad: statement(
      `SELECT d.id, d.document FROM unnest($3::text[]) AS k(id)
CROSS JOIN LATERAL (SELECT d.id, d.document FROM ${s}.projection_documents d
  WHERE d.tenant_id = $1 AND d.projection = $2 AND d.id = k.id LIMIT 1) d`,
    ),
    documentGet: statement(
      `SELECT d.document FROM ${s}.projection_documents d
WHERE d.tenant_id = $1 AND d.projection = $2 AND d.id = $3`,
    ),
    documentsList: statement(
      `SELECT d.id, d.document FROM ${s}.projection_documents d
WHERE d.tenant_id = $1 AND d.projection = $2 AND ($3::text IS NULL OR d.id > $3::text)
ORDER BY d.id LIMIT $4`,
    ),
    projectionCommit: statement(
      `SELECT * FROM ${s}.projection_commit($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9::jsonb, $10::text[])`,
    ),
    projectionReset: statement(`SELECT ${s}.projection_reset($1, $2, $3, $4)`),
    // Can a lease be taken now? Free, expired, or its holder's connection is gone (then the
    // holder's advisory lock is free: the probe takes it for the length of its transaction).
    // Never merely because the owner name matches: a lease is one holder's, identified by its
    // generation (S4).
    leaseProbe: statement(
      `SELECT l.owner IS NULL OR l.expires_at <= clock_timestamp()
  OR pg_try_advisory_xact_lock($3::integer, (l.generation % 2147483647)::integer) AS takeable
FROM ${s}.projection_leases l ${leaseKey}`,
    ),
    leaseEnsure: statement(
      `INSERT INTO ${s}.projection_leases (tenant_id, name) VALUES ($1, $2)
ON CONFLICT (tenant_id, name) DO NOTHING`,
    ),
    leaseLock: statement(
      `SELECT l.owner, l.generation, l.expires_at > clock_timestamp() AS live
FROM ${s}.projection_leases l ${leaseKey} FOR UPDATE`,
    ),
    leaseHolderGone: statement(
      'SELECT pg_try_advisory_xact_lock($1::integer, ($2::bigint % 2147483647)::integer) AS gone',
    ),
    leaseTake: statement(
      `WITH g AS (SELECT nextval('${s}.lease_generation') AS generation)
UPDATE ${s}.projection_leases l
SET owner = $3, generation = g.generation,
    expires_at = clock_timestamp() + make_interval(secs => $5::double precision / 1000),
    holder_pid = pg_backend_pid(), acquired_at = clock_timestamp()
FROM g ${leaseKey}
RETURNING l.generation, pg_try_advisory_lock($4::integer, (g.generation % 2147483647)::integer) AS locked`,
    ),
    // Renews only while this connection still holds the lease's advisory lock.
    leaseRenew: statement(
      `UPDATE ${s}.projection_leases l
SET expires_at = clock_timestamp() + make_interval(secs => $5::double precision / 1000)
${leaseKey} AND l.owner = $3 AND l.generation = $6
  AND EXISTS (SELECT 1 FROM pg_locks k
              WHERE k.locktype = 'advisory' AND k.pid = pg_backend_pid() AND k.granted
                AND k.classid::bigint = $4 AND k.objid::bigint = $6 % 2147483647
                AND k.objsubid = 2)
RETURNING 1 AS renewed`,
    ),
    leaseRelease: statement(
      `UPDATE ${s}.projection_leases l SET owner = NULL, expires_at = '-infinity', holder_pid = NULL
${leaseKey} AND l.owner = $3 AND l.generation = $4`,
    ),
  };
}
