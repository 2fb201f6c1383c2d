-- School data of АИСУ «Параграф» that the integration needs: districts, organizations, staff, classes,
-- pupils, parents, subjects, academic years, journals and lessons. external_id keeps the identifier of
-- the source system (OneRoster sourcedId) so that a repeated import updates instead of duplicating.
create schema if not exists school;

create table school.district
(
    id          uuid primary key,
    code        text not null unique,
    name        text not null unique,
    external_id text unique
);

create table school.organization
(
    id          uuid primary key,
    district_id uuid not null references school.district (id),
    code        text not null unique,
    short_name  text not null,
    full_name   text not null,
    external_id text unique
);
create index organization_district_idx on school.organization (district_id);

create table school.academic_year
(
    id          uuid primary key,
    title       text not null unique,
    starts_on   date not null,
    ends_on     date not null,
    external_id text unique,
    check (starts_on < ends_on)
);

create table school.employee
(
    id               uuid primary key,
    organization_id  uuid not null references school.organization (id),
    last_name        text not null,
    first_name       text not null,
    middle_name      text,
    position         text not null,
    birth_date       date,
    email            text,
    phone            text,
    hired_on         date,
    sferum_user_id   bigint,
    sferum_linked_at timestamp with time zone,
    external_id      text unique,
    check ((sferum_user_id is null) = (sferum_linked_at is null))
);
create index employee_organization_idx on school.employee (organization_id, last_name, first_name);
-- One VK account belongs to one employee at most.
create unique index employee_sferum_user_idx on school.employee (sferum_user_id) where sferum_user_id is not null;

create table school.class_unit
(
    id                  uuid primary key,
    organization_id     uuid     not null references school.organization (id),
    academic_year_id    uuid     not null references school.academic_year (id),
    grade               smallint not null check (grade between 1 and 11),
    letter              text     not null,
    homeroom_teacher_id uuid references school.employee (id),
    external_id         text unique,
    unique (organization_id, academic_year_id, grade, letter)
);

create table school.pupil
(
    id              uuid primary key,
    organization_id uuid not null references school.organization (id),
    class_unit_id   uuid references school.class_unit (id),
    last_name       text not null,
    first_name      text not null,
    middle_name     text,
    birth_date      date,
    external_id     text unique
);
create index pupil_class_idx on school.pupil (class_unit_id);
create index pupil_organization_idx on school.pupil (organization_id);

create table school.parent
(
    id              uuid primary key,
    organization_id uuid not null references school.organization (id),
    last_name       text not null,
    first_name      text not null,
    middle_name     text,
    phone           text,
    email           text,
    external_id     text unique
);
create index parent_organization_idx on school.parent (organization_id);

create table school.pupil_parent
(
    pupil_id  uuid not null references school.pupil (id) on delete cascade,
    parent_id uuid not null references school.parent (id) on delete cascade,
    primary key (pupil_id, parent_id)
);
create index pupil_parent_parent_idx on school.pupil_parent (parent_id);

create table school.subject
(
    id          uuid primary key,
    name        text not null unique,
    external_id text unique
);

-- A group of pupils taught together that is not a whole class: a half of a class for a foreign
-- language, a club of additional education, an elective course.
create table school.study_group
(
    id               uuid primary key,
    organization_id  uuid not null references school.organization (id),
    academic_year_id uuid not null references school.academic_year (id),
    title            text not null,
    class_unit_id    uuid references school.class_unit (id),
    external_id      text unique
);
create index study_group_organization_idx on school.study_group (organization_id);

create table school.study_group_member
(
    study_group_id uuid not null references school.study_group (id) on delete cascade,
    pupil_id       uuid not null references school.pupil (id) on delete cascade,
    primary key (study_group_id, pupil_id)
);
create index study_group_member_pupil_idx on school.study_group_member (pupil_id);

create table school.journal
(
    id                     uuid primary key,
    organization_id        uuid    not null references school.organization (id),
    academic_year_id       uuid    not null references school.academic_year (id),
    kind                   text    not null check (kind in ('GENERAL_EDUCATION', 'ADDITIONAL_EDUCATION',
                                                            'EXTRACURRICULAR', 'ELECTIVE')),
    subject_id             uuid    not null references school.subject (id),
    class_unit_id          uuid references school.class_unit (id),
    study_group_id         uuid references school.study_group (id),
    subject_chat_requested boolean not null default false,
    version                integer not null default 0,
    external_id            text unique,
    check ((class_unit_id is null) <> (study_group_id is null)),
    -- Only general-education journals may have a subject chat (DESIGN §4).
    check (kind = 'GENERAL_EDUCATION' or not subject_chat_requested)
);
create index journal_organization_idx on school.journal (organization_id, academic_year_id);
create index journal_class_idx on school.journal (class_unit_id);
create index journal_group_idx on school.journal (study_group_id);

create table school.journal_teacher
(
    journal_id  uuid not null references school.journal (id) on delete cascade,
    employee_id uuid not null references school.employee (id),
    primary key (journal_id, employee_id)
);
create index journal_teacher_employee_idx on school.journal_teacher (employee_id);

create table school.lesson
(
    id               uuid primary key,
    journal_id       uuid     not null references school.journal (id) on delete cascade,
    organization_id  uuid     not null references school.organization (id),
    lesson_date      date     not null,
    starts_at        time     not null,
    duration_minutes smallint not null check (duration_minutes between 5 and 240),
    topic            text,
    format           text     not null default 'IN_PERSON' check (format in ('IN_PERSON', 'VIDEO_CALL')),
    publication      text     not null default 'DRAFT' check (publication in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    version          integer  not null default 0
);
create index lesson_journal_idx on school.lesson (journal_id, lesson_date, starts_at);
create index lesson_organization_idx on school.lesson (organization_id, lesson_date);
