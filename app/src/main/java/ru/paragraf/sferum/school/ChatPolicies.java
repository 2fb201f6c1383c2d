package ru.paragraf.sferum.school;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The schools' chat policies, as the current person may see them; a school without a row has the defaults. */
@Repository
class ChatPolicies {

    private static final String SELECT =
            """
            select o.id as organization, coalesce(cp.parents_in_chats, false) as parents_in_chats,
                   coalesce(cp.remove_strangers, true) as remove_strangers,
                   coalesce(cp.empty_archived_chats, false) as empty_archived_chats, cp.video_room_template,
                   cp.updated_at, cp.updated_by
            from school.organization o left join school.chat_policy cp on cp.organization_id = o.id
            where o.id = :id and %s""";

    private final JdbcClient jdbc;

    ChatPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ChatPolicy> find(SchoolScope scope, UUID organization) {
        return scope.bind(jdbc.sql(SELECT.formatted(SchoolScope.organizations("o"))))
                .param("id", organization)
                .query(ChatPolicy.class)
                .optional();
    }

    /** The policy, with the school's row locked against a concurrent change until the transaction ends. */
    Optional<ChatPolicy> lock(SchoolScope scope, UUID organization) {
        return scope.bind(jdbc.sql(SELECT.formatted(SchoolScope.organizations("o")) + " for no key update of o"))
                .param("id", organization)
                .query(ChatPolicy.class)
                .optional();
    }

    void save(
            UUID organization,
            boolean parentsInChats,
            boolean removeStrangers,
            boolean emptyArchivedChats,
            OffsetDateTime at,
            String by) {
        jdbc.sql(
                        """
                        insert into school.chat_policy (organization_id, parents_in_chats, remove_strangers,
                                                        empty_archived_chats, updated_at, updated_by)
                        values (:organization, :parents, :strangers, :emptyArchived, :at, :by)
                        on conflict (organization_id) do update
                        set parents_in_chats = excluded.parents_in_chats, remove_strangers = excluded.remove_strangers,
                            empty_archived_chats = excluded.empty_archived_chats, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        """)
                .param("organization", organization)
                .param("parents", parentsInChats)
                .param("strangers", removeStrangers)
                .param("emptyArchived", emptyArchivedChats)
                .param("at", at)
                .param("by", by)
                .update();
    }

    /** The school's standing rooms' template, if it chose one. */
    Optional<String> videoRoomTemplate(UUID organization) {
        return jdbc.sql("select video_room_template from school.chat_policy where organization_id = :organization"
                        + " and video_room_template is not null")
                .param("organization", organization)
                .query(String.class)
                .optional();
    }

    /** The school's standing rooms' template (for the row {@link #save} wrote in the same transaction). */
    void saveVideoRoom(UUID organization, @Nullable String template) {
        jdbc.sql("update school.chat_policy set video_room_template = :template where organization_id = :organization")
                .param("organization", organization)
                .param("template", template)
                .update();
    }

    /** The school's journals of the current academic year whose «Чат по предмету» is on. */
    List<UUID> journalsWithChats(UUID organization) {
        return jdbc.sql(
                        """
                        select j.id from school.journal j
                        where j.organization_id = :organization and j.subject_chat_requested
                          and j.academic_year_id = (%s)
                        """
                                .formatted(AcademicYears.CURRENT))
                .param("organization", organization)
                .query(UUID.class)
                .list();
    }
}
