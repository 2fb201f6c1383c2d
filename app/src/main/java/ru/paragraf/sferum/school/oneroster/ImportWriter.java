package ru.paragraf.sferum.school.oneroster;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.stereotype.Repository;
import ru.paragraf.sferum.school.oneroster.ImportPlan.Link;

/**
 * Writes an {@link ImportPlan} with batched upserts, parents before children. An upsert changes a row only when a
 * value differs, so the counts tell created, updated and unchanged rows apart, and a repeated import changes
 * nothing. Must run inside the import's transaction.
 */
@Repository
class ImportWriter {

    private static final int BATCH = 500;

    /** A statement and how to bind one planned row to it. */
    record Upsert<T>(String kind, String sql, ParameterizedPreparedStatementSetter<T> binder) {}

    private final JdbcTemplate jdbc;

    ImportWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts of each kind, without titles yet: {@code kind} only. */
    List<ImportCount> write(ImportPlan plan) {
        var counts = new ArrayList<ImportCount>();
        counts.add(upsert(UpsertStatements.DISTRICTS, plan.districts, w -> w.created(), plan.referencedDistricts));
        counts.add(upsert(UpsertStatements.ORGANIZATIONS, plan.organizations, w -> w.created(), 0));
        counts.add(upsert(UpsertStatements.YEARS, plan.years, w -> w.created(), plan.referencedYears));
        counts.add(subjects(plan));
        counts.add(upsert(UpsertStatements.EMPLOYEES, plan.employees, w -> w.created(), 0));
        counts.add(upsert(UpsertStatements.CLASS_UNITS, plan.classUnits, w -> w.created(), 0));
        counts.add(upsert(UpsertStatements.PUPILS, plan.pupils, w -> w.created(), 0));
        counts.add(upsert(UpsertStatements.PARENTS, plan.parents, w -> w.created(), 0));
        counts.add(links(
                "pupilParents",
                "school.pupil_parent",
                "pupil_id",
                "parent_id",
                plan.pupilParents,
                plan.replacePupilParents ? ids(plan.pupils, w -> w.id()) : List.of()));
        counts.add(upsert(UpsertStatements.STUDY_GROUPS, plan.studyGroups, w -> w.created(), 0));
        counts.add(links(
                "studyGroupMembers",
                "school.study_group_member",
                "study_group_id",
                "pupil_id",
                plan.groupMembers,
                plan.replaceGroupMembers ? ids(plan.studyGroups, w -> w.id()) : List.of()));
        counts.add(upsert(UpsertStatements.JOURNALS, plan.journals, w -> w.created(), 0));
        counts.add(links(
                "journalTeachers",
                "school.journal_teacher",
                "journal_id",
                "employee_id",
                plan.journalTeachers,
                plan.replaceJournalTeachers ? ids(plan.journals, w -> w.id()) : List.of()));
        return counts;
    }

    private <T> ImportCount upsert(Upsert<T> upsert, List<T> rows, Function<T, Boolean> created, int referenced) {
        var inserted = (int) rows.stream().filter(created::apply).count();
        var affected = sum(jdbc.batchUpdate(upsert.sql(), rows, BATCH, upsert.binder()));
        var updated = affected - inserted;
        return new ImportCount(upsert.kind(), upsert.kind(), inserted, updated, rows.size() - affected + referenced, 0);
    }

    private ImportCount subjects(ImportPlan plan) {
        var inserted = sum(jdbc.batchUpdate(
                "insert into school.subject (id, name) values (?, ?) on conflict (name) do nothing",
                plan.newSubjects.values(),
                BATCH,
                (statement, subject) -> {
                    statement.setObject(1, subject.id());
                    statement.setString(2, subject.name());
                }));
        return new ImportCount("subjects", "subjects", inserted, 0, plan.usedSubjects.size() - inserted, 0);
    }

    /**
     * Adds the missing links; with {@code owners}, also removes links of those owners (left column) that the plan
     * does not have, since a bulk file lists all of them.
     */
    private ImportCount links(
            String kind, String table, String left, String right, Set<Link> links, Collection<UUID> owners) {
        var removed = 0;
        if (!owners.isEmpty()) {
            removed = jdbc.update(
                    """
                    delete from %1$s t
                    where t.%2$s = any(cast(? as uuid[]))
                      and not exists (select 1 from unnest(cast(? as uuid[]), cast(? as uuid[])) as keep(l, r)
                                      where keep.l = t.%2$s and keep.r = t.%3$s)
                    """
                            .formatted(table, left, right),
                    strings(owners),
                    strings(links.stream().map(Link::left).toList()),
                    strings(links.stream().map(Link::right).toList()));
        }
        var inserted = sum(jdbc.batchUpdate(
                "insert into %s (%s, %s) values (?, ?) on conflict do nothing".formatted(table, left, right),
                links,
                BATCH,
                (statement, link) -> {
                    statement.setObject(1, link.left());
                    statement.setObject(2, link.right());
                }));
        return new ImportCount(kind, kind, inserted, 0, links.size() - inserted, removed);
    }

    private static <T> List<UUID> ids(List<T> rows, Function<T, UUID> id) {
        return rows.stream().map(id).toList();
    }

    private static String[] strings(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    private static int sum(int[][] counts) {
        return Arrays.stream(counts)
                .flatMapToInt(Arrays::stream)
                .map(n -> Math.max(n, 0))
                .sum();
    }

    static void uuid(PreparedStatement statement, int index, @Nullable UUID value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }
}
