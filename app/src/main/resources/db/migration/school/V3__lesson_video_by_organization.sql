-- Published video lessons of one organization, for the planner's "does this journal have a video lesson" test.
-- With lesson_video_idx alone (by journal) and statistics older than a mass switch to video, PostgreSQL drove that
-- test from every video lesson of the city, for each organization: 0.45 s per statement at city scale
-- (docs/benchmarks.md, city benchmark). Leading with the organization bounds it by the school, whatever the
-- statistics say.
create index lesson_video_organization_idx on school.lesson (organization_id, journal_id)
    where format = 'VIDEO_CALL' and publication = 'PUBLISHED';
