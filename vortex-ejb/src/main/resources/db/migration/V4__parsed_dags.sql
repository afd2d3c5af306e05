-- What the DAG processor learns from a file beyond the listed fields: the whole serialized DAG
-- (docs/dag-serialization.md), which the details and tasks endpoints serve, and per DAG whether
-- its file currently fails to parse, which engine parsed it, and the token that names its file
-- in GET /dagSources/{file_token} without revealing the path.
ALTER TABLE dag ADD COLUMN has_import_errors BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE dag ADD COLUMN parsed_by VARCHAR(20);
ALTER TABLE dag ADD COLUMN file_token VARCHAR(64);
CREATE INDEX dag_fileloc_idx ON dag (fileloc);
CREATE INDEX dag_file_token_idx ON dag (file_token);

-- One row per DAG, replaced on every parse that changes it.
CREATE TABLE serialized_dag (
    dag_pk       BIGINT      NOT NULL,
    data         VARCHAR     NOT NULL,
    data_hash    VARCHAR(64) NOT NULL,
    last_updated TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT serialized_dag_pkey PRIMARY KEY (dag_pk),
    CONSTRAINT serialized_dag_dag_fk FOREIGN KEY (dag_pk) REFERENCES dag (id) ON DELETE CASCADE
);

ALTER TABLE import_error ADD COLUMN parsed_by VARCHAR(20);
