-- «Задачи обмена данными»: exchange tasks of organizations, their runs and the per-object items of each run.
create schema if not exists exchange;

create table exchange.task
(
    id              uuid primary key,
    organization_id uuid        not null,
    type_code       text        not null,
    cron            text        not null,
    enabled         boolean     not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint task_one_per_type_and_organization unique (organization_id, type_code)
);

create table exchange.run
(
    id                  uuid primary key,
    task_id             uuid        not null references exchange.task (id) on delete cascade,
    organization_id     uuid        not null,
    type_code           text        not null,
    status              text        not null
        check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'PARTIAL', 'CANCELLED')),
    manual              boolean     not null,
    requested_by        text,
    queued_at           timestamptz not null,
    started_at          timestamptz,
    finished_at         timestamptz,
    -- the scheduler instance executing the run, and the fencing token of that execution: a node that took the
    -- run over increments attempt, and every write of the run carries the attempt it belongs to
    node                text,
    attempt             int         not null default 0,
    taken_over_at       timestamptz,
    total               int,
    processed           int         not null default 0,
    ok_count            int         not null default 0,
    warning_count       int         not null default 0,
    error_count         int         not null default 0,
    skipped_count       int         not null default 0,
    message             text,
    cancel_requested_at timestamptz,
    constraint run_finished_has_times check (status in ('QUEUED', 'RUNNING') or finished_at is not null)
);
-- Invariants that hold across nodes: one waiting run per task («Запустить сейчас» twice coalesces) and one
-- executing run per task.
create unique index run_one_queued_per_task on exchange.run (task_id) where status = 'QUEUED';
create unique index run_one_running_per_task on exchange.run (task_id) where status = 'RUNNING';
create index run_task_idx on exchange.run (task_id, queued_at desc);
create index run_finished_idx on exchange.run (finished_at);

create table exchange.run_item
(
    id           bigint generated always as identity primary key,
    run_id       uuid        not null references exchange.run (id) on delete cascade,
    recorded_at  timestamptz not null,
    object_type  text        not null,
    object_id    text,
    object_title text,
    action       text        not null,
    result       text        not null check (result in ('OK', 'WARNING', 'ERROR', 'SKIPPED')),
    message      text,
    link         text
);
create index run_item_run_idx on exchange.run_item (run_id, id);
create index run_item_errors_idx on exchange.run_item (run_id, id) where result = 'ERROR';
