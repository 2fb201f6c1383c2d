package ru.paragraf.sferum.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.paragraf.sferum.school.RosterChanged;

/**
 * A day of roster changes: a share of the schools' pupils move to another class of their school (of the same grade
 * where there is one), leaving their old class's study groups. It is written the way the OneRoster import writes
 * it: the same rows changed and, in the same transaction, one {@link RosterChanged} per school ({@code PUPIL_MOVED})
 * naming the chat journals whose pupils differ — those the movers were taught in before and after, as the import's
 * comparison of the members before and after its write finds them.
 */
final class RosterMoves {

    /** @param pupils pupils moved; @param journals chat journals named by the schools' events */
    record Moved(int pupils, int journals, int schools) {}

    private RosterMoves() {}

    static Moved apply(ConfigurableApplicationContext node, List<UUID> organizations, double share) {
        var jdbc = node.getBean(JdbcClient.class);
        var events = node;
        var transactions = new TransactionTemplate(node.getBean(PlatformTransactionManager.class));
        return transactions.execute(status -> {
            var total = jdbc.sql("select count(*) from school.pupil where organization_id in (:organizations)"
                            + " and class_unit_id is not null")
                    .param("organizations", organizations)
                    .query(Long.class)
                    .single();
            var count = (int) Math.max(1, Math.round(total * share));
            var movers = jdbc.sql(
                            """
                            select id from school.pupil
                            where organization_id in (:organizations) and class_unit_id is not null
                            order by md5(id::text) limit :n""")
                    .param("organizations", organizations)
                    .param("n", count)
                    .query(UUID.class)
                    .list();
            var journals = new HashMap<UUID, Set<UUID>>();
            taughtIn(jdbc, movers, journals);
            jdbc.sql(
                            """
                            update school.pupil p set class_unit_id = (
                                select c.id from school.class_unit c, school.class_unit old
                                where old.id = p.class_unit_id and c.organization_id = old.organization_id
                                  and c.academic_year_id = old.academic_year_id and c.id <> old.id
                                order by (c.grade = old.grade) desc, md5(c.id::text || p.id::text) limit 1)
                            where p.id in (:movers)
                              and exists (select 1 from school.class_unit c, school.class_unit old
                                          where old.id = p.class_unit_id and c.organization_id = old.organization_id
                                            and c.academic_year_id = old.academic_year_id and c.id <> old.id)""")
                    .param("movers", movers)
                    .update();
            jdbc.sql("delete from school.study_group_member where pupil_id in (:movers)")
                    .param("movers", movers)
                    .update();
            taughtIn(jdbc, movers, journals);
            journals.forEach((organization, named) -> events.publishEvent(
                    new RosterChanged(organization, named, Set.of(RosterChanged.Reason.PUPIL_MOVED))));
            return new Moved(
                    movers.size(),
                    journals.values().stream().mapToInt(Set::size).sum(),
                    journals.size());
        });
    }

    /** Adds the chat journals that teach these pupils now, by school. */
    private static void taughtIn(JdbcClient jdbc, List<UUID> pupils, Map<UUID, Set<UUID>> journals) {
        jdbc.sql(
                        """
                        select distinct j.organization_id, j.id from school.journal_pupil jp
                        join school.journal j on j.id = jp.journal_id
                        where jp.pupil_id in (:pupils) and j.subject_chat_requested""")
                .param("pupils", pupils)
                .query((rs, row) -> journals.computeIfAbsent(rs.getObject(1, UUID.class), key -> new HashSet<>())
                        .add(rs.getObject(2, UUID.class)))
                .list();
    }
}
