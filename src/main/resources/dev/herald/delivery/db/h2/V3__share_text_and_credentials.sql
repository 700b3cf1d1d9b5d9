-- A share may carry its own text for its account (sent instead of the composed one), and an
-- account's auth failure remembers a salted fingerprint of the credentials that failed, so a worker
-- started with different credentials can clear the failure on its own.
alter table herald_share add column share_text clob;
alter table herald_account add column credential_hash varchar(200);
