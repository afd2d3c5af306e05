-- Every sign-in attempt, successful or not, from the console, the token endpoint and HTTP
-- Basic. Failed attempts per user and source address drive the lockout (io.vortex.security.
-- LoginGuard), so the index leads with both; the audit log will read the same rows.
-- The username is the one that was typed, so it is not a foreign key: attempts for unknown or
-- deleted users are kept too.
CREATE SEQUENCE login_attempt_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE login_attempt (
    id             BIGINT       NOT NULL,
    attempted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    username       VARCHAR(250) NOT NULL,
    source_address VARCHAR(100) NOT NULL,
    channel        VARCHAR(20)  NOT NULL,
    outcome        VARCHAR(20)  NOT NULL,
    CONSTRAINT login_attempt_pkey PRIMARY KEY (id)
);
CREATE INDEX login_attempt_user_source_idx ON login_attempt (username, source_address, attempted_at);
CREATE INDEX login_attempt_time_idx ON login_attempt (attempted_at);
