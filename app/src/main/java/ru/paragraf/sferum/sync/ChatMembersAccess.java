package ru.paragraf.sferum.sync;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.accounts.Role;
import ru.paragraf.sferum.school.OrganizationDirectory;

/**
 * Who may see a journal's «Состав чата», with everyone's VK ids: the journal's teachers, its school's admin and the
 * operators over the school. Pupils and parents, other teachers and other schools find no such page (404).
 */
@Component
class ChatMembersAccess {

    private final ChatMembers members;
    private final OrganizationDirectory organizations;
    private final JdbcClient jdbc;

    ChatMembersAccess(ChatMembers members, OrganizationDirectory organizations, JdbcClient jdbc) {
        this.members = members;
        this.organizations = organizations;
        this.jdbc = jdbc;
    }

    ChatMembersView of(CurrentUser user, UUID journal) {
        if (!user.role().isStaff()) {
            throw notFound();
        }
        var view = members.of(journal).orElseThrow(ChatMembersAccess::notFound);
        var allowed = user.is(Role.TEACHER)
                ? teaches(user, journal)
                : organizations.findVisible(user, view.organizationId()).isPresent();
        if (!allowed) {
            throw notFound();
        }
        return view;
    }

    private boolean teaches(CurrentUser user, UUID journal) {
        return user.employeeId() != null
                && jdbc.sql(
                                """
                                select exists (select 1 from school.sync_journal_teacher t
                                               where t.journal_id = :journal and t.employee_id = :employee)
                                """)
                        .param("journal", journal)
                        .param("employee", user.employeeId())
                        .query(Boolean.class)
                        .single();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
