-- The calls whose start VK may have carried out without its answer reaching the engine (sync.call.unconfirmed_starts):
-- few, summed for the meter sferum.calls.unconfirmed-starts at every scrape (docs/reliability.md, «Unused calls»).
create index call_unconfirmed_idx on sync.call (organization_id) include (unconfirmed_starts)
    where unconfirmed_starts > 0;
