package ru.paragraf.sferum.sync;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ru.paragraf.sferum.school.FamilySferumAccountChanged;
import ru.paragraf.sferum.school.LessonChanged;
import ru.paragraf.sferum.school.LessonLinksChanged;
import ru.paragraf.sferum.school.LessonPublished;
import ru.paragraf.sferum.school.LessonSubstituteChanged;
import ru.paragraf.sferum.school.LessonWithdrawn;
import ru.paragraf.sferum.school.MaxAccountRecorded;
import ru.paragraf.sferum.school.RosterChanged;
import ru.paragraf.sferum.school.SferumAccountChanged;
import ru.paragraf.sferum.school.SubjectChatCancelled;
import ru.paragraf.sferum.school.SubjectChatRequested;

/**
 * Reacts to school changes at once: plans the affected journal. The events come through the event publication
 * registry, so a change committed before a crash is still planned after it; planning twice enqueues nothing twice.
 */
@Component
class SchoolChanges {

    private final Planner planner;
    private final Readiness readiness;
    private final Workers workers;
    private final JdbcClient jdbc;

    SchoolChanges(Planner planner, Readiness readiness, Workers workers, JdbcClient jdbc) {
        this.planner = planner;
        this.readiness = readiness;
        this.workers = workers;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(LessonPublished event) {
        plan(event.organization(), event.journal());
    }

    @ApplicationModuleListener
    void on(LessonWithdrawn event) {
        plan(event.organization(), event.journal());
    }

    @ApplicationModuleListener
    void on(LessonChanged event) {
        plan(event.organization(), event.journal());
    }

    @ApplicationModuleListener
    void on(LessonSubstituteChanged event) {
        plan(event.organization(), event.journal());
    }

    @ApplicationModuleListener
    void on(SubjectChatRequested event) {
        plan(event.organization(), event.journal());
    }

    @ApplicationModuleListener
    void on(SubjectChatCancelled event) {
        plan(event.organization(), event.journal());
    }

    /**
     * A person linked or unlinked a VK ID: the chats of the journals they belong to gain or lose them (a teacher's
     * journals, a pupil's, a parent's children's where the school wants parents). A link VK stopped accepting makes
     * nothing possible: the engine found it out itself and waits for the person to link VK ID again.
     */
    @ApplicationModuleListener
    void on(SferumAccountChanged event) {
        if (!event.relinkRequired()) {
            planJournalsOf(event.organization(), event.employee());
        }
    }

    /** A person's MAX account was linked or unlinked: as for a VK account, {@link #on(SferumAccountChanged)}. */
    @ApplicationModuleListener
    void on(MaxAccountRecorded event) {
        planJournalsOf(event.organization(), event.person());
    }

    /** A pupil's or a parent's VK account changed: as for a teacher's, {@link #on(SferumAccountChanged)}. */
    @ApplicationModuleListener
    void on(FamilySferumAccountChanged event) {
        if (!event.relinkRequired()) {
            planJournalsOf(event.organization(), event.person());
        }
    }

    /**
     * Who belongs in these journals' chats may have changed (an import moved pupils, replaced a teacher, the school
     * put parents in or out): each journal is planned, its additions and removals alike.
     */
    @ApplicationModuleListener
    void on(RosterChanged event) {
        plan(event.organization(), event.journals());
    }

    /**
     * The school chose another source of its lessons' video links (its standing rooms): each journal with a chat is
     * planned, its lessons' links posted where they changed.
     */
    @ApplicationModuleListener
    void on(LessonLinksChanged event) {
        plan(event.organization(), event.journals());
    }

    /** The journals the person belongs to (a teacher's, a pupil's, a parent's children's where parents take part). */
    private void planJournalsOf(UUID organization, UUID person) {
        plan(
                organization,
                jdbc.sql("select distinct journal_id from school.sync_journal_member where person_id = :person")
                        .param("person", person)
                        .query(UUID.class)
                        .list());
    }

    private void plan(UUID organization, UUID journal) {
        plan(organization, List.of(journal));
    }

    private void plan(UUID organization, Collection<UUID> journals) {
        var community = readiness.readyCommunity(organization);
        if (community.isEmpty()) {
            return;
        }
        var planned = 0;
        for (var journal : journals) {
            planned += planner.plan(organization, journal, null);
        }
        if (planned > 0) {
            hurryAfterCommit(community.getAsLong());
        }
    }

    /** Someone just changed something and waits to see it: the workers take the school's community first. */
    private void hurryAfterCommit(long community) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    workers.hurry(community);
                }
            });
        } else {
            workers.hurry(community);
        }
    }
}
