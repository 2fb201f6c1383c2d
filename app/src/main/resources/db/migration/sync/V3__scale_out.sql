-- Claiming several operations of a community at once (Operations.claim): its pending operations in id order, and
-- whether an older open operation has the same object key (one object's operations run in order).
create index operation_claim_idx on sync.operation (community_id, id) where status = 'PENDING';
create index operation_open_object_idx on sync.operation (object_key, id) where status in ('PENDING', 'RUNNING');

-- The nodes that carry out operations, seen by their pumps: a node serves its share of the communities with work
-- (communities with work ÷ live nodes), so a node that joins takes over its part at the next slices (Workers).
create table sync.node
(
    name    text primary key,
    seen_at timestamp with time zone not null
);
