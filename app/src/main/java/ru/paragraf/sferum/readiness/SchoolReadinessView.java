package ru.paragraf.sferum.readiness;

import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.school.PupilParentSferumAccounts;
import ru.paragraf.sferum.school.TeacherSferumAccounts.TeacherAccount;
import ru.paragraf.sferum.sync.SyncOverview;
import ru.paragraf.sferum.sync.SyncOverview.Failure;

/**
 * The page of one school's readiness: the facts, their words and the details behind the figures.
 *
 * @param credentials the credentials' state as «База ссылок» words it: «проверено ✓», «ошибка: …»
 * @param verdictAt when Sferum last confirmed or refused the credentials, formatted
 * @param lastRunAt when the last run of the task finished, formatted
 * @param teachers the school's teachers by name, each with the VK Sferum account of the staff file, if linked
 * @param failures failed subject chats and failed calls of this week's video lessons
 */
record SchoolReadinessView(
        SchoolReadiness school,
        Week week,
        @Nullable String credentials,
        @Nullable String verdictAt,
        @Nullable String lastRunAt,
        List<TeacherAccount> teachers,
        List<Failure> failures,
        List<ToFix> fixes,
        PupilParentSferumAccounts.Linked people,
        SyncOverview.Strangers strangers) {

    /** The teachers without a linked account of the school's messenger. */
    public List<TeacherAccount> missing() {
        return teachers.stream().filter(teacher -> !teacher.linked()).toList();
    }

    /** The key of a text that names the school's messenger (see {@link ReadinessTexts#forMessenger}). */
    public String key(String key) {
        return ReadinessTexts.forMessenger(school, key);
    }

    /** The steps a school takes after {@link ReadinessStage#NOT_CONNECTED}, each with whether it is reached. */
    public List<Step> steps() {
        return java.util.Arrays.stream(ReadinessStage.values())
                .filter(stage -> stage != ReadinessStage.NOT_CONNECTED)
                .map(stage -> new Step(stage, stage.compareTo(school.stage()) <= 0, stage == school.stage()))
                .toList();
    }

    /** A stage on the school's way, reached or not; {@code current} is the furthest one reached. */
    record Step(ReadinessStage stage, boolean reached, boolean current) {}
}
