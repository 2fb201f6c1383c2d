-- Which node carried out an operation: for operators (and tests) to see how work spreads over nodes.
alter table sync.operation add column finished_by text;
