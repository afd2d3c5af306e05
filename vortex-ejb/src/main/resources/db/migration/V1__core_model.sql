-- VORTEX core metadatabase model.
--
-- One script for H2 2.2 (regular mode) and PostgreSQL 15, so only types and syntax both accept:
-- no SERIAL/IDENTITY (EclipseLink's IDENTITY support fails on H2 2.x), no TEXT/JSONB/CLOB/BYTEA.
-- VARCHAR without a length holds long text and JSON (H2 caps it at 1,000,000 characters).
-- Every table has its own sequence START WITH 50 INCREMENT BY 50: the entities use
-- allocationSize = 50, and EclipseLink hands out nextval-49 .. nextval, so ids start at 1.
-- Rows seeded here therefore use id 0, which EclipseLink never allocates.
-- Table and column names follow Airflow 2.x where Airflow has the concept, except where a name
-- is reserved in one of the two engines (user, key, value): those get a prefix.

-- ---------------------------------------------------------------------------------------------
-- DAG definitions (io.vortex.dag)
-- ---------------------------------------------------------------------------------------------

CREATE SEQUENCE dag_seq START WITH 50 INCREMENT BY 50;

-- A DAG is deactivated rather than deleted, so runs and history keep their parent; deleting a
-- DAG on purpose (the REST API's DELETE /dags/{dag_id}) removes everything below it by cascade.
CREATE TABLE dag (
    id                              BIGINT        NOT NULL,
    version                         BIGINT        NOT NULL,
    dag_id                          VARCHAR(250)  NOT NULL,
    fileloc                         VARCHAR(2000) NOT NULL,
    owners                          VARCHAR(2000),
    description                     VARCHAR(4000),
    schedule_interval               VARCHAR(1000),
    timetable_description           VARCHAR(1000),
    is_paused                       BOOLEAN       NOT NULL,
    is_active                       BOOLEAN       NOT NULL,
    is_dynamic                      BOOLEAN       NOT NULL,
    max_active_tasks                INTEGER       NOT NULL,
    max_active_runs                 INTEGER       NOT NULL,
    team                            VARCHAR(250),
    last_parsed_time                TIMESTAMP WITH TIME ZONE,
    next_dagrun                     TIMESTAMP WITH TIME ZONE,
    next_dagrun_data_interval_start TIMESTAMP WITH TIME ZONE,
    next_dagrun_data_interval_end   TIMESTAMP WITH TIME ZONE,
    next_dagrun_create_after        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT dag_pkey PRIMARY KEY (id),
    CONSTRAINT dag_dag_id_uq UNIQUE (dag_id)
);
-- The scheduler's "which DAGs are due" query.
CREATE INDEX dag_next_dagrun_create_after_idx ON dag (is_paused, is_active, next_dagrun_create_after);

CREATE TABLE dag_tag (
    dag_pk BIGINT       NOT NULL,
    name   VARCHAR(100) NOT NULL,
    CONSTRAINT dag_tag_pkey PRIMARY KEY (dag_pk, name),
    CONSTRAINT dag_tag_dag_fk FOREIGN KEY (dag_pk) REFERENCES dag (id) ON DELETE CASCADE
);

CREATE SEQUENCE dag_version_seq START WITH 50 INCREMENT BY 50;

-- Append-only: a new row whenever a parse finds a different source hash, so a run can always show
-- the code it ran with (Airflow's dag_code + dag_version in one table).
CREATE TABLE dag_version (
    id             BIGINT        NOT NULL,
    dag_pk         BIGINT        NOT NULL,
    version_number INTEGER       NOT NULL,
    source         VARCHAR       NOT NULL,
    source_hash    VARCHAR(64)   NOT NULL,
    fileloc        VARCHAR(2000) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     VARCHAR(250),
    note           VARCHAR(1000),
    CONSTRAINT dag_version_pkey PRIMARY KEY (id),
    CONSTRAINT dag_version_dag_fk FOREIGN KEY (dag_pk) REFERENCES dag (id) ON DELETE CASCADE,
    CONSTRAINT dag_version_number_uq UNIQUE (dag_pk, version_number)
);

CREATE SEQUENCE task_seq START WITH 50 INCREMENT BY 50;

-- The serialized task of the DAG's current version; replaced on every parse. Task instances
-- copy what they need (pool, queue, ...) so history does not depend on these rows.
CREATE TABLE task (
    id                        BIGINT           NOT NULL,
    dag_pk                    BIGINT           NOT NULL,
    task_id                   VARCHAR(250)     NOT NULL,
    task_type                 VARCHAR(250)     NOT NULL,
    task_group                VARCHAR(250),
    owner                     VARCHAR(500)     NOT NULL,
    retries                   INTEGER          NOT NULL,
    retry_delay_seconds       DOUBLE PRECISION NOT NULL,
    retry_exponential_backoff BOOLEAN          NOT NULL,
    max_retry_delay_seconds   DOUBLE PRECISION,
    execution_timeout_seconds DOUBLE PRECISION,
    pool                      VARCHAR(256)     NOT NULL,
    pool_slots                INTEGER          NOT NULL,
    priority_weight           INTEGER          NOT NULL,
    weight_rule               VARCHAR(20)      NOT NULL,
    trigger_rule              VARCHAR(50)      NOT NULL,
    queue                     VARCHAR(256)     NOT NULL,
    is_mapped                 BOOLEAN          NOT NULL,
    -- comma-separated task ids; the order is irrelevant
    upstream_task_ids         VARCHAR          NOT NULL,
    -- JSON: operator arguments and templated fields, unrendered
    params_json               VARCHAR,
    CONSTRAINT task_pkey PRIMARY KEY (id),
    CONSTRAINT task_dag_fk FOREIGN KEY (dag_pk) REFERENCES dag (id) ON DELETE CASCADE,
    CONSTRAINT task_task_id_uq UNIQUE (dag_pk, task_id)
);

CREATE SEQUENCE import_error_seq START WITH 50 INCREMENT BY 50;

-- Keyed by file, not by DAG: a file that fails to parse may define no DAG at all.
CREATE TABLE import_error (
    id          BIGINT        NOT NULL,
    filename    VARCHAR(2000) NOT NULL,
    line_number INTEGER,
    stacktrace  VARCHAR       NOT NULL,
    error_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT import_error_pkey PRIMARY KEY (id)
);
CREATE INDEX import_error_filename_idx ON import_error (filename);

-- ---------------------------------------------------------------------------------------------
-- Scheduling (io.vortex.schedule)
-- ---------------------------------------------------------------------------------------------

CREATE SEQUENCE dag_run_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE dag_run (
    id                       BIGINT        NOT NULL,
    version                  BIGINT        NOT NULL,
    dag_pk                   BIGINT        NOT NULL,
    run_id                   VARCHAR(250)  NOT NULL,
    run_type                 VARCHAR(50)   NOT NULL,
    state                    VARCHAR(50)   NOT NULL,
    logical_date             TIMESTAMP WITH TIME ZONE NOT NULL,
    data_interval_start      TIMESTAMP WITH TIME ZONE,
    data_interval_end        TIMESTAMP WITH TIME ZONE,
    queued_at                TIMESTAMP WITH TIME ZONE,
    start_date               TIMESTAMP WITH TIME ZONE,
    end_date                 TIMESTAMP WITH TIME ZONE,
    last_scheduling_decision TIMESTAMP WITH TIME ZONE,
    external_trigger         BOOLEAN       NOT NULL,
    conf                     VARCHAR,
    note                     VARCHAR(1000),
    -- history outlives a pruned version: the run just loses the link
    dag_version_pk           BIGINT,
    backfill_id              BIGINT,
    CONSTRAINT dag_run_pkey PRIMARY KEY (id),
    CONSTRAINT dag_run_dag_fk FOREIGN KEY (dag_pk) REFERENCES dag (id) ON DELETE CASCADE,
    CONSTRAINT dag_run_dag_version_fk FOREIGN KEY (dag_version_pk) REFERENCES dag_version (id) ON DELETE SET NULL,
    CONSTRAINT dag_run_run_id_uq UNIQUE (dag_pk, run_id),
    -- as in Airflow 2.x: at most one run per logical date per DAG, whatever its run type;
    -- this unique index also serves the (dag_pk, logical_date) look-ups and range scans
    CONSTRAINT dag_run_logical_date_uq UNIQUE (dag_pk, logical_date)
);
CREATE INDEX dag_run_state_idx ON dag_run (state);
CREATE INDEX dag_run_dag_state_idx ON dag_run (dag_pk, state);
CREATE INDEX dag_run_dag_version_idx ON dag_run (dag_version_pk);

CREATE SEQUENCE job_seq START WITH 50 INCREMENT BY 50;

-- One row per scheduler process; a stale latest_heartbeat tells the others to adopt its work.
CREATE TABLE job (
    id               BIGINT       NOT NULL,
    job_type         VARCHAR(30)  NOT NULL,
    state            VARCHAR(20)  NOT NULL,
    hostname         VARCHAR(500) NOT NULL,
    start_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    end_date         TIMESTAMP WITH TIME ZONE,
    latest_heartbeat TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT job_pkey PRIMARY KEY (id)
);
CREATE INDEX job_type_heartbeat_idx ON job (job_type, latest_heartbeat);

-- ---------------------------------------------------------------------------------------------
-- Execution (io.vortex.execution)
-- ---------------------------------------------------------------------------------------------

CREATE SEQUENCE task_instance_seq START WITH 50 INCREMENT BY 50;

-- state NULL is Airflow's "none": created, not yet scheduled.
CREATE TABLE task_instance (
    id               BIGINT           NOT NULL,
    version          BIGINT           NOT NULL,
    -- denormalized from dag_run so per-DAG concurrency counts need no join
    dag_pk           BIGINT           NOT NULL,
    dag_run_pk       BIGINT           NOT NULL,
    task_id          VARCHAR(250)     NOT NULL,
    map_index        INTEGER          DEFAULT -1 NOT NULL,
    state            VARCHAR(50),
    try_number       INTEGER          NOT NULL,
    max_tries        INTEGER          NOT NULL,
    start_date       TIMESTAMP WITH TIME ZONE,
    end_date         TIMESTAMP WITH TIME ZONE,
    duration         DOUBLE PRECISION,
    hostname         VARCHAR(1000),
    pool             VARCHAR(256)     NOT NULL,
    pool_slots       INTEGER          NOT NULL,
    queue            VARCHAR(256)     NOT NULL,
    priority_weight  INTEGER          NOT NULL,
    operator         VARCHAR(1000),
    queued_dttm      TIMESTAMP WITH TIME ZONE,
    scheduled_dttm   TIMESTAMP WITH TIME ZONE,
    next_retry_at    TIMESTAMP WITH TIME ZONE,
    pid              INTEGER,
    -- the Jakarta Batch execution id of the current try
    executor_job_id  BIGINT,
    rendered_fields  VARCHAR,
    note             VARCHAR(1000),
    CONSTRAINT task_instance_pkey PRIMARY KEY (id),
    CONSTRAINT task_instance_dag_fk FOREIGN KEY (dag_pk) REFERENCES dag (id) ON DELETE CASCADE,
    CONSTRAINT task_instance_dag_run_fk FOREIGN KEY (dag_run_pk) REFERENCES dag_run (id) ON DELETE CASCADE,
    -- also the index for "the task instances of a run"
    CONSTRAINT task_instance_uq UNIQUE (dag_run_pk, task_id, map_index)
);
CREATE INDEX task_instance_state_idx ON task_instance (state);
CREATE INDEX task_instance_pool_state_idx ON task_instance (pool, state);
CREATE INDEX task_instance_dag_state_idx ON task_instance (dag_pk, state);

CREATE SEQUENCE task_try_seq START WITH 50 INCREMENT BY 50;

-- One row per attempt (Airflow's task_instance_history), so retried tasks keep every log.
CREATE TABLE task_try (
    id               BIGINT        NOT NULL,
    task_instance_pk BIGINT        NOT NULL,
    try_number       INTEGER       NOT NULL,
    state            VARCHAR(50),
    start_date       TIMESTAMP WITH TIME ZONE,
    end_date         TIMESTAMP WITH TIME ZONE,
    duration         DOUBLE PRECISION,
    hostname         VARCHAR(1000),
    log_path         VARCHAR(2000),
    log_size         BIGINT,
    exit_code        INTEGER,
    CONSTRAINT task_try_pkey PRIMARY KEY (id),
    CONSTRAINT task_try_task_instance_fk FOREIGN KEY (task_instance_pk) REFERENCES task_instance (id) ON DELETE CASCADE,
    -- leads with task_instance_pk, so it is also the (task_instance_pk) index
    CONSTRAINT task_try_uq UNIQUE (task_instance_pk, try_number)
);

CREATE SEQUENCE xcom_seq START WITH 50 INCREMENT BY 50;

-- Airflow's key/value columns are named xcom_key/xcom_value: KEY and VALUE are reserved in H2.
CREATE TABLE xcom (
    id               BIGINT       NOT NULL,
    task_instance_pk BIGINT       NOT NULL,
    xcom_key         VARCHAR(512) NOT NULL,
    xcom_value       VARCHAR,
    value_size       INTEGER      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT xcom_pkey PRIMARY KEY (id),
    CONSTRAINT xcom_task_instance_fk FOREIGN KEY (task_instance_pk) REFERENCES task_instance (id) ON DELETE CASCADE,
    CONSTRAINT xcom_key_uq UNIQUE (task_instance_pk, xcom_key)
);

-- ---------------------------------------------------------------------------------------------
-- Pools (io.vortex.pool)
-- ---------------------------------------------------------------------------------------------

CREATE SEQUENCE slot_pool_seq START WITH 50 INCREMENT BY 50;

-- Task instances refer to pools by name (as in Airflow), so a pool can be deleted and
-- re-created without touching history; slots = -1 means unlimited.
CREATE TABLE slot_pool (
    id               BIGINT        NOT NULL,
    version          BIGINT        NOT NULL,
    pool_name        VARCHAR(256)  NOT NULL,
    slots            INTEGER       NOT NULL,
    description      VARCHAR(1000),
    include_deferred BOOLEAN       NOT NULL,
    CONSTRAINT slot_pool_pkey PRIMARY KEY (id),
    CONSTRAINT slot_pool_name_uq UNIQUE (pool_name)
);
-- id 0: below the ids EclipseLink allocates from slot_pool_seq (1, 2, ...).
INSERT INTO slot_pool (id, version, pool_name, slots, description, include_deferred)
VALUES (0, 1, 'default_pool', 128, 'Default pool', FALSE);

-- ---------------------------------------------------------------------------------------------
-- Security (io.vortex.security)
-- ---------------------------------------------------------------------------------------------

CREATE SEQUENCE vortex_user_seq START WITH 50 INCREMENT BY 50;

-- "user" is reserved in PostgreSQL and H2. password_hash is NULL for SSO-only users.
CREATE TABLE vortex_user (
    id            BIGINT        NOT NULL,
    version       BIGINT        NOT NULL,
    username      VARCHAR(250)  NOT NULL,
    display_name  VARCHAR(500),
    email         VARCHAR(500),
    password_hash VARCHAR(1000),
    role          VARCHAR(20)   NOT NULL,
    active        BOOLEAN       NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT vortex_user_pkey PRIMARY KEY (id),
    CONSTRAINT vortex_user_username_uq UNIQUE (username),
    CONSTRAINT vortex_user_role_ck CHECK (role IN ('Admin', 'Operator', 'Viewer'))
);

CREATE SEQUENCE team_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE team (
    id                   BIGINT        NOT NULL,
    version              BIGINT        NOT NULL,
    name                 VARCHAR(250)  NOT NULL,
    description          VARCHAR(1000),
    dags_folder          VARCHAR(2000),
    max_concurrent_tasks INTEGER,
    max_dags             INTEGER,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT team_pkey PRIMARY KEY (id),
    CONSTRAINT team_name_uq UNIQUE (name)
);

-- Membership rows die with either side.
CREATE TABLE team_member (
    team_pk BIGINT NOT NULL,
    user_pk BIGINT NOT NULL,
    CONSTRAINT team_member_pkey PRIMARY KEY (team_pk, user_pk),
    CONSTRAINT team_member_team_fk FOREIGN KEY (team_pk) REFERENCES team (id) ON DELETE CASCADE,
    CONSTRAINT team_member_user_fk FOREIGN KEY (user_pk) REFERENCES vortex_user (id) ON DELETE CASCADE
);
-- "the teams of a user" and the cascade from vortex_user
CREATE INDEX team_member_user_idx ON team_member (user_pk);

CREATE SEQUENCE secret_seq START WITH 50 INCREMENT BY 50;

-- team is the team's name, '' for a global secret. It is NOT NULL on purpose: a unique constraint
-- treats NULLs as distinct on both engines, so a nullable team would allow duplicate global keys.
-- A team's secret with the same key shadows the global one.
CREATE TABLE secret (
    id          BIGINT        NOT NULL,
    version     BIGINT        NOT NULL,
    secret_key  VARCHAR(250)  NOT NULL,
    team        VARCHAR(250)  DEFAULT '' NOT NULL,
    -- base64 of AES-GCM nonce + ciphertext; the key never reaches the database
    ciphertext  VARCHAR       NOT NULL,
    description VARCHAR(1000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(250),
    CONSTRAINT secret_pkey PRIMARY KEY (id),
    CONSTRAINT secret_team_key_uq UNIQUE (team, secret_key)
);

CREATE SEQUENCE audit_event_seq START WITH 50 INCREMENT BY 50;

-- Airflow's "log" table. Names instead of foreign keys: the trail must outlive the users, DAGs
-- and runs it mentions.
CREATE TABLE audit_event (
    id             BIGINT       NOT NULL,
    event_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    username       VARCHAR(250),
    event          VARCHAR(100) NOT NULL,
    dag_id         VARCHAR(250),
    run_id         VARCHAR(250),
    task_id        VARCHAR(250),
    extra          VARCHAR,
    correlation_id VARCHAR(100),
    outcome        VARCHAR(20)  NOT NULL,
    CONSTRAINT audit_event_pkey PRIMARY KEY (id)
);
CREATE INDEX audit_event_time_idx ON audit_event (event_time);
CREATE INDEX audit_event_dag_id_idx ON audit_event (dag_id);
CREATE INDEX audit_event_username_idx ON audit_event (username);

-- ---------------------------------------------------------------------------------------------
-- Notifications (io.vortex.notify)
-- ---------------------------------------------------------------------------------------------

CREATE SEQUENCE callback_config_seq START WITH 50 INCREMENT BY 50;

-- dag_id NULL is the global default for every DAG without its own row for that event. By name,
-- not by FK, so a configuration survives a DAG file being removed and re-added.
CREATE TABLE callback_config (
    id         BIGINT        NOT NULL,
    version    BIGINT        NOT NULL,
    dag_id     VARCHAR(250),
    event      VARCHAR(50)   NOT NULL,
    channel    VARCHAR(20)   NOT NULL,
    target     VARCHAR(2000) NOT NULL,
    enabled    BOOLEAN       NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT callback_config_pkey PRIMARY KEY (id),
    CONSTRAINT callback_config_event_ck CHECK (event IN ('on_success', 'on_failure', 'on_retry', 'on_sla_miss')),
    CONSTRAINT callback_config_channel_ck CHECK (channel IN ('webhook', 'slack', 'email'))
);
CREATE INDEX callback_config_dag_event_idx ON callback_config (dag_id, event);

-- ---------------------------------------------------------------------------------------------
-- Remote workers (io.vortex.worker)
-- ---------------------------------------------------------------------------------------------

CREATE SEQUENCE worker_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE worker (
    id               BIGINT        NOT NULL,
    version          BIGINT        NOT NULL,
    hostname         VARCHAR(500)  NOT NULL,
    -- comma-separated queue names the worker consumes
    queues           VARCHAR(1000) NOT NULL,
    state            VARCHAR(20)   NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    latest_heartbeat TIMESTAMP WITH TIME ZONE NOT NULL,
    active_tasks     INTEGER       NOT NULL,
    CONSTRAINT worker_pkey PRIMARY KEY (id),
    CONSTRAINT worker_hostname_uq UNIQUE (hostname)
);
