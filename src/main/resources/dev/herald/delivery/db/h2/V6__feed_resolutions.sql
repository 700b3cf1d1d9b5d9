-- The article URL a new feed entry was resolved to (its page's canonical URL), written before the
-- entry is shared and removed once it is marked seen. A node that dies in between leaves it here,
-- so the next poll shares the entry under the same URL, even if the page cannot be read this time,
-- and the outbox's key finds the share already made instead of making a second one.
create table herald_feed_resolution (
  feed_id     varchar(64)   not null,
  entry_key   varchar(64)   not null,
  article_url varchar(2048) not null,
  resolved_at timestamp with time zone not null,
  primary key (feed_id, entry_key)
);
