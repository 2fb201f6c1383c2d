-- Issue 18: a school whose messenger cannot start calls (MAX) holds video lessons at a link the teacher pastes on
-- the lesson (https, to a host of sferum.school.video-link.allowed-hosts: checked by the application).
alter table school.lesson
    add column video_link text check (video_link ~ '^https://' and length(video_link) <= 500);
