-- The nodes that receive MAX bots' updates, seen by their lease checks: a node holds its share of the verified bots
-- (bots ÷ live nodes, at most bots-per-node), so that a node that joins takes over its part (MaxPollers).
create table sync.max_node
(
    name    text primary key,
    seen_at timestamp with time zone not null
);
