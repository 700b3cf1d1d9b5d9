-- Herald's outbox: one row per (article URL, account, revision, occurrence); the id is the share's
-- idempotency key, so the same share can never be inserted twice.
create table herald_share (
  id            varchar(64)   primary key,
  article_url   varchar(2048) not null,
  account       varchar(200)  not null,
  network       varchar(64)   not null,
  revision      varchar(200)  not null,
  occurrence    integer       not null,
  state         varchar(16)   not null,
  due_at        timestamp with time zone not null,
  slot_at       timestamp with time zone,
  attempts      integer       not null,
  failures      integer       not null,
  last_outcome  varchar(32),
  last_message  varchar(2000),
  remote_id     varchar(512),
  remote_url    varchar(2048),
  article_json  clob          not null,
  created_at    timestamp with time zone not null,
  updated_at    timestamp with time zone not null,
  posted_at     timestamp with time zone,
  claimed_by    varchar(200),
  version       bigint        not null
);
create index herald_share_state_due on herald_share (state, due_at);
create index herald_share_account_posted on herald_share (account, posted_at);
create index herald_share_article on herald_share (article_url);
-- A queue slot holds at most one share per account; NULLs (shares not in a slot) never collide.
create unique index herald_share_account_slot on herald_share (account, slot_at);

create table herald_account (
  name        varchar(200) primary key,
  state       varchar(16)  not null,
  message     varchar(2000),
  changed_at  timestamp with time zone not null
);

create table herald_feed (
  id         varchar(64)   primary key,
  url        varchar(2048) not null,
  seeded_at  timestamp with time zone not null
);

create table herald_feed_entry (
  feed_id   varchar(64)   not null,
  entry_key varchar(64)   not null,
  entry_id  varchar(2048) not null,
  seen_at   timestamp with time zone not null,
  primary key (feed_id, entry_key)
);

-- db-scheduler's table under Herald's own name, so an application that uses db-scheduler itself
-- keeps its own scheduled_tasks untouched. Columns as documented by db-scheduler 16.
create table herald_scheduled_tasks (
  task_name             varchar(100) not null,
  task_instance         varchar(100) not null,
  task_data             blob,
  execution_time        timestamp with time zone not null,
  picked                boolean not null,
  picked_by             varchar(200),
  last_success          timestamp with time zone,
  last_failure          timestamp with time zone,
  consecutive_failures  integer,
  last_heartbeat        timestamp with time zone,
  version               bigint not null,
  priority              smallint,
  primary key (task_name, task_instance)
);
create index herald_scheduled_tasks_execution_time on herald_scheduled_tasks (execution_time);
create index herald_scheduled_tasks_last_heartbeat on herald_scheduled_tasks (last_heartbeat);
create index herald_scheduled_tasks_priority_time on herald_scheduled_tasks (priority desc, execution_time asc);
