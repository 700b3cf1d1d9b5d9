-- Credentials that change (rotated refresh tokens, renewed long-lived tokens, tokens from
-- `herald auth`), one row per account, sealed with AES-GCM under the key herald.yaml names: the
-- nonce is fresh for every write, and the account and key version are bound to the ciphertext as
-- associated data, so a row copied to another account or read with another key fails to open.
-- The expiry times, and whether a refresh token is kept, are not secret and stay readable, so
-- `herald accounts` can warn without the key.
-- `version` is compared and bumped on every write: two nodes renewing at once cannot both win.
create table herald_credential (
  account             varchar(200)  primary key,
  key_version         integer       not null,
  nonce               varchar(32)   not null,
  sealed              text          not null,
  expires_at          timestamp with time zone,
  refresh_expires_at  timestamp with time zone,
  renewable           boolean       not null,
  updated_at          timestamp with time zone not null,
  version             bigint        not null
);
