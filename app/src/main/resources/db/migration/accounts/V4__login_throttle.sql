-- Failed logins in a row, one row per throttled key: an account's user name (hashed, whether the account exists or
-- not) or a client address. Every node reads and writes the same rows, so a lock holds across the cluster.
create table accounts.login_throttle
(
    throttle_key    text primary key,
    failures        integer                  not null,
    last_failure_at timestamp with time zone not null,
    locked_until    timestamp with time zone
);
-- the hourly clean-up of rows nobody has failed on for a while
create index login_throttle_last_failure_idx on accounts.login_throttle (last_failure_at);
