-- Password credentials as PBKDF2-HMAC-SHA256 in three columns: the derived key, its salt (both
-- base64) and the iteration count. This is the layout WildFly Elytron's jdbc-realm reads with a
-- scram-mapper (algorithm scram-sha-256, whose salted password is exactly PBKDF2-HMAC-SHA256),
-- so the server can check console and API logins against this table without VORTEX code.
-- A password_hash without a salt is a plaintext password from an older install or a manual
-- insert; VORTEX hashes such rows at start-up.
ALTER TABLE vortex_user ADD COLUMN password_salt VARCHAR(100);
ALTER TABLE vortex_user ADD COLUMN password_iterations INTEGER;
