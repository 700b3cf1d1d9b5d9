-- Share-button counts: how often each page was shared to each network through Herald's share
-- endpoint. One row per (page URL, network); kept when the app restarts, shared by every node.
create table herald_share_count (
  url      varchar(2048) not null,
  network  varchar(32)   not null,
  shares   bigint        not null,
  primary key (url, network)
);
