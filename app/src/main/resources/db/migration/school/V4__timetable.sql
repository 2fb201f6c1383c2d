-- The weekly timetable («расписание»): on which weekday and at what time each lesson of a journal takes place, the
-- same every week. The calendar's lessons are written from it up to the organization's horizon; once written, a
-- lesson is the journal's own and may be moved or changed without touching the timetable.
create table school.timetable_slot
(
    journal_id       uuid     not null references school.journal (id) on delete cascade,
    day_of_week      smallint not null check (day_of_week between 1 and 7),
    starts_at        time     not null,
    duration_minutes smallint not null check (duration_minutes between 5 and 240),
    primary key (journal_id, day_of_week, starts_at)
);

-- How far the lessons of an organization's timetable have been written: every day up to lessons_until has them.
create table school.timetable
(
    organization_id uuid primary key references school.organization (id) on delete cascade,
    lessons_until   date not null
);
