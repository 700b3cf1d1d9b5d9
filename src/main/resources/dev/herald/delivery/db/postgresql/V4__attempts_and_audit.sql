-- Every call made to a network for a share, with what came of it: the history a person reads to
-- see why a share is where it is (and which check found a post that was not sent again).
create table herald_attempt (
  share_id    varchar(64)   not null,
  attempt_no  integer       not null,
  at          timestamptz not null,
  node        varchar(200),
  outcome     varchar(32)   not null,
  message     varchar(2000),
  remote_url  varchar(2048),
  primary key (share_id, attempt_no)
);

-- Who changed what, and when: every change a person makes to the queue or an account, from the
-- console or the command line.
create table herald_audit (
  id      bigserial primary key,
  at      timestamptz not null,
  actor   varchar(200)  not null,
  action  varchar(64)   not null,
  target  varchar(2048),
  detail  varchar(2000)
);
create index herald_audit_at on herald_audit (at);
