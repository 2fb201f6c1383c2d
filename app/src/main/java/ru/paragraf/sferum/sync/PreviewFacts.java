package ru.paragraf.sferum.sync;

import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * What «Предпросмотр» knows about one operation, planned or queued: its object's titles from school's views and
 * the ledger's last word on the object, to explain a repeated attempt.
 *
 * @param source whether the operation is planned, queued or running
 * @param problem the queued operation's last problem, when it waits for another attempt
 * @param lessonFound whether the lesson of a call still exists
 * @param lessonVideo whether that lesson is held by video call: a published one's call is finished after it
 * @param person the full name of the teacher, pupil or parent a member operation is about, if known
 * @param personRole why that person belongs in the chat
 * @param ledgerProblem why the chat's or call's last creation failed, when it did
 */
record PreviewFacts(
        OperationKind kind,
        String objectKey,
        PreviewOperation.Status source,
        @Nullable String problem,
        @Nullable String chatTitle,
        boolean lessonFound,
        @Nullable LocalDate lessonDate,
        @Nullable LocalTime startsAt,
        boolean lessonPublished,
        boolean lessonVideo,
        @Nullable String person,
        @Nullable MemberRole personRole,
        @Nullable String vkUser,
        @Nullable String ledgerProblem) {}
