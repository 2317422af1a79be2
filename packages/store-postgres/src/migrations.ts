import { quoteIdentifier } from './schema-name.js';

/** One versioned step of the store's schema. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** The SQL for a given (validated, unquoted) schema name. */
  readonly sql: (schema: string) => string;
}

// Formats a timestamptz exactly like `Date.prototype.toISOString`, so times round-trip as text.
export const isoText = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The SQL of the first version. Notes on the choices:
 * - Every data table starts with `tenant_id`, and every key includes it.
 * - Text keys use the "C" collation: byte order is deterministic across servers, matches how
 *   documents are paged, and compares faster than a linguistic collation.
 * - A position is `(epoch, xid, seq)`: the epoch changes only when the data moves to another
 *   cluster, `xid` is the appending transaction's id, `seq` orders the rows of one transaction.
 * - `store_meta.cutover` is null while a new epoch settles (see `advance_epoch`).
 */
function initialSchema(schema: string): string {
  const s = quoteIdentifier(schema);
  return `
CREATE TABLE ${s}.store_meta (
  id integer PRIMARY KEY CHECK (id = 1),
  epoch integer NOT NULL,
  cutover xid8,
  system_identifier text,
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO ${s}.store_meta (id, epoch, cutover, system_identifier) VALUES (1, 1, '0', NULL);
ANALYZE ${s}.store_meta;

CREATE TABLE ${s}.epochs (
  epoch integer PRIMARY KEY,
  started_at timestamptz NOT NULL DEFAULT now(),
  reason text NOT NULL,
  system_identifier text,
  previous_system_identifier text
);
INSERT INTO ${s}.epochs (epoch, reason) VALUES (1, 'created');

CREATE TABLE ${s}.streams (
  tenant_id text COLLATE "C" NOT NULL,
  stream_id text COLLATE "C" NOT NULL,
  version bigint NOT NULL CHECK (version > 0),
  PRIMARY KEY (tenant_id, stream_id)
) WITH (fillfactor = 80);

CREATE TABLE ${s}.events (
  tenant_id text COLLATE "C" NOT NULL,
  event_id text COLLATE "C" NOT NULL,
  epoch integer NOT NULL,
  xid xid8 NOT NULL,
  seq integer NOT NULL,
  stream_id text COLLATE "C" NOT NULL,
  category text COLLATE "C" GENERATED ALWAYS AS (split_part(stream_id, '-', 1)) STORED,
  version bigint NOT NULL CHECK (version > 0),
  type text COLLATE "C" NOT NULL,
  schema_version integer NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  recorded_at timestamptz NOT NULL,
  CONSTRAINT events_pkey PRIMARY KEY (tenant_id, event_id),
  CONSTRAINT events_stream_version UNIQUE (tenant_id, stream_id, version),
  CONSTRAINT events_position UNIQUE (tenant_id, epoch, xid, seq)
);
CREATE INDEX events_category ON ${s}.events (tenant_id, category, epoch, xid, seq);

CREATE TABLE ${s}.snapshots (
  tenant_id text COLLATE "C" NOT NULL,
  stream_id text COLLATE "C" NOT NULL,
  key text COLLATE "C" NOT NULL,
  version bigint NOT NULL,
  state jsonb NOT NULL,
  commands jsonb NOT NULL,
  taken_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, stream_id, key)
);

CREATE TABLE ${s}.projection_checkpoints (
  tenant_id text COLLATE "C" NOT NULL,
  name text COLLATE "C" NOT NULL,
  version integer NOT NULL,
  position text COLLATE "C",
  status text NOT NULL CHECK (status IN ('active', 'failed')),
  failure jsonb,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, name)
);

CREATE TABLE ${s}.projection_documents (
  tenant_id text COLLATE "C" NOT NULL,
  projection text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  document jsonb NOT NULL,
  PRIMARY KEY (tenant_id, projection, id)
);

CREATE TABLE ${s}.projection_leases (
  tenant_id text COLLATE "C" NOT NULL,
  name text COLLATE "C" NOT NULL,
  owner text,
  generation bigint NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL DEFAULT '-infinity',
  holder_pid integer,
  acquired_at timestamptz,
  PRIMARY KEY (tenant_id, name)
);
CREATE SEQUENCE ${s}.lease_generation AS bigint;

-- The cluster's identity, or null when this role may not read it.
CREATE FUNCTION ${s}.current_system_identifier() RETURNS text
LANGUAGE plpgsql AS $fn$
BEGIN
  RETURN (SELECT c.system_identifier::text FROM pg_control_system() c);
EXCEPTION WHEN insufficient_privilege THEN
  RETURN NULL;
END
$fn$;

-- Appends a batch to one stream in one statement (A1-A4). p_expected: -1 'any',
-- -2 'stream_exists', 0 'no_stream' (or exactly 0), n > 0 exactly n. Returns one 'ok' row, one
-- 'conflict' row carrying the actual version, or the stored rows of the batch's event ids
-- ('duplicate') when the check failed because the batch is already there (A6).
CREATE FUNCTION ${s}.append_events(
  p_tenant text, p_stream text, p_expected bigint, p_events jsonb, p_recorded_at timestamptz)
RETURNS TABLE (kind text, version bigint, epoch integer, xid text, seq integer, event_id text,
               stream_id text, type text, schema_version integer, data jsonb, metadata jsonb,
               recorded_at text)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  v_count integer := jsonb_array_length(p_events);
  v_actual bigint;
  v_epoch integer;
  v_seq integer;
  v_ahead boolean;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'appends need READ COMMITTED isolation, not %',
      current_setting('transaction_isolation') USING ERRCODE = 'SLI01';
  END IF;
  -- Restore guard, run before this transaction's first write: every committed row this
  -- statement can see was written by a transaction below its snapshot's xmax, unless the row
  -- came from another cluster whose transaction ids ran ahead of this one. Passing the guard
  -- means every xid assigned from now on sorts after this tenant's rows. (Rows of an earlier
  -- append in this same transaction are visible too, and exempt.)
  -- (The tenant's last row is one backward probe of the position index; written this way the
  -- plan cached on an empty table stays that probe as the table grows.)
  SELECT m.epoch INTO v_epoch FROM ${s}.store_meta m WHERE m.id = 1;
  SELECT e.xid >= pg_snapshot_xmax(pg_current_snapshot()) INTO v_ahead
  FROM ${s}.events e
  WHERE e.tenant_id = p_tenant AND e.epoch = v_epoch
    AND e.xid IS DISTINCT FROM pg_current_xact_id_if_assigned()
  ORDER BY e.epoch DESC, e.xid DESC, e.seq DESC
  LIMIT 1;
  IF v_ahead THEN
    RAISE EXCEPTION 'stored positions are ahead of this cluster''s transaction ids'
      USING ERRCODE = 'SLR01';
  END IF;

  -- The stream row is the lock that orders appends to one stream; taking it gives this
  -- transaction its xid. (ON CONFLICT here touches the stream row only, never an event row, and
  -- a conflict is reported below, never dropped.)
  IF p_expected = -1 THEN
    INSERT INTO ${s}.streams AS st (tenant_id, stream_id, version)
    VALUES (p_tenant, p_stream, v_count)
    ON CONFLICT (tenant_id, stream_id) DO UPDATE SET version = st.version + v_count
    RETURNING st.version - v_count INTO v_actual;
  ELSIF p_expected = 0 THEN
    INSERT INTO ${s}.streams (tenant_id, stream_id, version)
    VALUES (p_tenant, p_stream, v_count)
    ON CONFLICT (tenant_id, stream_id) DO NOTHING
    RETURNING 0 INTO v_actual;
  ELSE
    UPDATE ${s}.streams AS st SET version = st.version + v_count
    WHERE st.tenant_id = p_tenant AND st.stream_id = p_stream
      AND (p_expected = -2 OR st.version = p_expected)
    RETURNING st.version - v_count INTO v_actual;
  END IF;

  IF v_actual IS NULL THEN
    -- Planned on every call (EXECUTE): on an empty table every index of events looks equally
    -- cheap, and a cached plan could keep walking the tenant's log by the wrong one later.
    RETURN QUERY EXECUTE
      'SELECT ''duplicate''::text, e.version, e.epoch, e.xid::text, e.seq, e.event_id::text,
              e.stream_id::text, e.type::text, e.schema_version, e.data, e.metadata,
              ${isoText('e.recorded_at').replace(/'/g, "''")}
       FROM ${s}.events e
       WHERE e.tenant_id = $1
         AND e.event_id = ANY (ARRAY(SELECT x ->> ''i'' FROM jsonb_array_elements($2) x))'
      USING p_tenant, p_events;
    IF NOT FOUND THEN
      RETURN QUERY
        SELECT 'conflict'::text,
               coalesce((SELECT st.version FROM ${s}.streams st
                         WHERE st.tenant_id = p_tenant AND st.stream_id = p_stream), 0),
               NULL::integer, NULL::text, NULL::integer, NULL::text, NULL::text, NULL::text,
               NULL::integer, NULL::jsonb, NULL::jsonb, NULL::text;
    END IF;
    RETURN;
  END IF;

  -- Read the epoch only now that this transaction has its xid: an epoch change committed
  -- before this read is seen; one committed after it comes with a cutover above this xid.
  SELECT m.epoch INTO v_epoch FROM ${s}.store_meta m WHERE m.id = 1;
  -- Rows of one transaction are ordered by seq; several appends in one transaction continue
  -- the count instead of colliding.
  v_seq := coalesce(nullif(current_setting('safeledger.seq', true), ''), '0')::integer;
  PERFORM set_config('safeledger.seq', (v_seq + v_count)::text, true);

  INSERT INTO ${s}.events (tenant_id, event_id, epoch, xid, seq, stream_id, version, type,
                           schema_version, data, metadata, recorded_at)
  SELECT p_tenant, x.doc ->> 'i', v_epoch, pg_current_xact_id(), v_seq + x.ord::integer,
         p_stream, v_actual + x.ord, x.doc ->> 't', (x.doc ->> 'v')::integer, x.doc -> 'd',
         x.doc -> 'm', p_recorded_at
  FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(doc, ord);

  RETURN QUERY SELECT 'ok'::text, v_actual, v_epoch, pg_current_xact_id()::text, v_seq + v_count,
    NULL::text, NULL::text, NULL::text, NULL::integer, NULL::jsonb, NULL::jsonb, NULL::text;
END
$fn$;

-- Writes a projection's documents and checkpoint atomically, fenced on the expected checkpoint
-- (S1). The checkpoint row is locked first, so of two racing commits the second sees the
-- first's checkpoint and writes nothing.
CREATE FUNCTION ${s}.projection_commit(
  p_tenant text, p_name text, p_version integer, p_expected text, p_position text,
  p_status text, p_failure jsonb, p_updated_at timestamptz, p_upserts jsonb, p_deletes text[])
RETURNS TABLE (committed boolean, current_position text)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
BEGIN
  UPDATE ${s}.projection_checkpoints c
  SET position = p_position, status = p_status, failure = p_failure, updated_at = p_updated_at
  WHERE c.tenant_id = p_tenant AND c.name = p_name AND c.version = p_version
    AND c.position IS NOT DISTINCT FROM p_expected;
  IF NOT FOUND THEN
    RETURN QUERY SELECT false, (SELECT c.position::text FROM ${s}.projection_checkpoints c
                                WHERE c.tenant_id = p_tenant AND c.name = p_name);
    RETURN;
  END IF;
  INSERT INTO ${s}.projection_documents AS d (tenant_id, projection, id, document)
  SELECT p_tenant, p_name, u.key, u.value FROM jsonb_each(p_upserts) u
  ON CONFLICT (tenant_id, projection, id) DO UPDATE SET document = excluded.document;
  DELETE FROM ${s}.projection_documents d
  WHERE d.tenant_id = p_tenant AND d.projection = p_name AND d.id = ANY (p_deletes);
  RETURN QUERY SELECT true, p_position;
END
$fn$;

-- Restarts a projection at a version with no documents (S5).
CREATE FUNCTION ${s}.projection_reset(
  p_tenant text, p_name text, p_version integer, p_updated_at timestamptz)
RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO ${s}.projection_checkpoints AS c
    (tenant_id, name, version, position, status, failure, updated_at)
  VALUES (p_tenant, p_name, p_version, NULL, 'active', NULL, p_updated_at)
  ON CONFLICT (tenant_id, name) DO UPDATE
  SET version = excluded.version, position = NULL, status = 'active', failure = NULL,
      updated_at = excluded.updated_at;
  DELETE FROM ${s}.projection_documents d WHERE d.tenant_id = p_tenant AND d.projection = p_name;
END
$fn$;

-- Starts a new position epoch after the data moved to another cluster. Positions of the new
-- epoch sort after every earlier one. Refuses while the previous change is still settling.
CREATE FUNCTION ${s}.advance_epoch(p_from integer, p_reason text)
RETURNS TABLE (epoch integer, advanced boolean, settling boolean)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  m ${s}.store_meta%ROWTYPE;
  v_current text := ${s}.current_system_identifier();
BEGIN
  SELECT * INTO m FROM ${s}.store_meta WHERE id = 1 FOR UPDATE;
  IF m.epoch <> p_from THEN
    RETURN QUERY SELECT m.epoch, false, false;
    RETURN;
  END IF;
  IF m.cutover IS NULL OR pg_snapshot_xmin(pg_current_snapshot()) < m.cutover THEN
    RETURN QUERY SELECT m.epoch, false, true;
    RETURN;
  END IF;
  UPDATE ${s}.store_meta
  SET epoch = m.epoch + 1, cutover = NULL,
      system_identifier = coalesce(v_current, m.system_identifier)
  WHERE id = 1;
  INSERT INTO ${s}.epochs (epoch, reason, system_identifier, previous_system_identifier)
  VALUES (m.epoch + 1, p_reason, v_current, m.system_identifier);
  RETURN QUERY SELECT m.epoch + 1, true, false;
END
$fn$;

-- Second step of an epoch change, in its own transaction after the first committed: every
-- transaction that could still write the previous epoch has an xid below this snapshot's xmax.
CREATE FUNCTION ${s}.complete_cutover() RETURNS void
LANGUAGE sql AS $fn$
  UPDATE ${s}.store_meta SET cutover = pg_snapshot_xmax(pg_current_snapshot())
  WHERE id = 1 AND cutover IS NULL;
$fn$;
`;
}

/**
 * Version 2: the command handler looks a command id up when it is older than the snapshot it
 * folded from (A6). An index on the metadata expression needs no new column and no change to
 * the append function; partial, so events without a command id cost it nothing. Version last,
 * so a command's events come back in order without a sort. (On a large existing table the
 * index build blocks appends while it runs: migrate in a quiet moment.)
 */
function commandIndex(schema: string): string {
  const s = quoteIdentifier(schema);
  return `
CREATE INDEX events_command ON ${s}.events (tenant_id, stream_id, (metadata ->> 'commandId'), version)
  WHERE (metadata ->> 'commandId') IS NOT NULL;
`;
}

/**
 * Version 3: an epoch change waits for the previous one to settle (every transaction that could
 * still write the epoch before it has ended: the snapshot's xmin has passed the cutover). A
 * cutover recorded in another cluster can never settle that way when this cluster's xids are
 * lower, and no transaction of that cluster exists here anyway: such a cutover is settled. It is
 * recognised by the system identifier recorded with it, or, when the role cannot read system
 * identifiers, by being at or above this snapshot's xmax (in the cluster that recorded it, the
 * transaction recording it had an xid at or above it, so every later xmax there is above it).
 */
function settleForeignCutovers(schema: string): string {
  const s = quoteIdentifier(schema);
  return `
CREATE OR REPLACE FUNCTION ${s}.advance_epoch(p_from integer, p_reason text)
RETURNS TABLE (epoch integer, advanced boolean, settling boolean)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  m ${s}.store_meta%ROWTYPE;
  v_current text := ${s}.current_system_identifier();
  v_foreign boolean;
BEGIN
  SELECT * INTO m FROM ${s}.store_meta WHERE id = 1 FOR UPDATE;
  IF m.epoch <> p_from THEN
    RETURN QUERY SELECT m.epoch, false, false;
    RETURN;
  END IF;
  v_foreign := (v_current IS NOT NULL AND m.system_identifier IS NOT NULL
                AND m.system_identifier <> v_current)
            OR (m.cutover IS NOT NULL AND m.cutover >= pg_snapshot_xmax(pg_current_snapshot()));
  IF NOT v_foreign
     AND (m.cutover IS NULL OR pg_snapshot_xmin(pg_current_snapshot()) < m.cutover) THEN
    RETURN QUERY SELECT m.epoch, false, true;
    RETURN;
  END IF;
  UPDATE ${s}.store_meta
  SET epoch = m.epoch + 1, cutover = NULL,
      system_identifier = coalesce(v_current, m.system_identifier)
  WHERE id = 1;
  INSERT INTO ${s}.epochs (epoch, reason, system_identifier, previous_system_identifier)
  VALUES (m.epoch + 1, p_reason, v_current, m.system_identifier);
  RETURN QUERY SELECT m.epoch + 1, true, false;
END
$fn$;
`;
}

/**
 * The registry of projection field tables (S7). Field tables are created when a projection
 * version with indexed fields is first reset, named by a hash of the field schema; the registry
 * maps the full signature to the table, shared by every tenant of the schema.
 */
function fieldTableRegistry(schema: string): string {
  const s = quoteIdentifier(schema);
  return `
CREATE TABLE ${s}.projection_field_tables (
  signature text COLLATE "C" PRIMARY KEY,
  name text COLLATE "C" NOT NULL,
  table_name text COLLATE "C" NOT NULL UNIQUE
);
CREATE INDEX projection_field_tables_name ON ${s}.projection_field_tables (name);
`;
}

/**
 * The projection commit deletes documents one primary-key probe per id. The single
 * `DELETE ... WHERE id = ANY (p_deletes)` could be planned (cached while the documents table was
 * empty, or before its statistics) as an index range over the whole projection with the ids as
 * a filter, walked by every commit, even one with nothing to delete.
 */
function commitDeletesByKey(schema: string): string {
  const s = quoteIdentifier(schema);
  return `
CREATE OR REPLACE FUNCTION ${s}.projection_commit(
  p_tenant text, p_name text, p_version integer, p_expected text, p_position text,
  p_status text, p_failure jsonb, p_updated_at timestamptz, p_upserts jsonb, p_deletes text[])
RETURNS TABLE (committed boolean, current_position text)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  v_id text;
BEGIN
  UPDATE ${s}.projection_checkpoints c
  SET position = p_position, status = p_status, failure = p_failure, updated_at = p_updated_at
  WHERE c.tenant_id = p_tenant AND c.name = p_name AND c.version = p_version
    AND c.position IS NOT DISTINCT FROM p_expected;
  IF NOT FOUND THEN
    RETURN QUERY SELECT false, (SELECT c.position::text FROM ${s}.projection_checkpoints c
                                WHERE c.tenant_id = p_tenant AND c.name = p_name);
    RETURN;
  END IF;
  INSERT INTO ${s}.projection_documents AS d (tenant_id, projection, id, document)
  SELECT p_tenant, p_name, u.key, u.value FROM jsonb_each(p_upserts) u
  ON CONFLICT (tenant_id, projection, id) DO UPDATE SET document = excluded.document;
  -- One primary-key probe per id: equality on the whole key is planned as a probe whatever
  -- the table's statistics say, where id = ANY (...) could become a filter.
  IF p_deletes IS NOT NULL THEN
    FOREACH v_id IN ARRAY p_deletes LOOP
      DELETE FROM ${s}.projection_documents d
      WHERE d.tenant_id = p_tenant AND d.projection = p_name AND d.id = v_id;
    END LOOP;
  END IF;
  RETURN QUERY SELECT true, p_position;
END
$fn$;
`;
}

/** Every migration, oldest first. Never edit a released one: add a new version instead. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', sql: initialSchema },
  { version: 2, name: 'index of events by command id', sql: commandIndex },
  {
    version: 3,
    name: 'a cutover recorded in another cluster is settled',
    sql: settleForeignCutovers,
  },
  { version: 4, name: 'registry of projection field tables', sql: fieldTableRegistry },
  {
    version: 5,
    name: 'projection commits delete documents one key probe per id',
    sql: commitDeletesByKey,
  },
];

/** The version a store of this release needs. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
