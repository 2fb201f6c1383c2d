package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Communities are leased by organization: when a school registers another Sferum community, its waiting
 * operations must follow it, or no node would ever lease them again.
 */
@SpringBootTest
@Transactional
class SchoolCommunityChangeTests {

    @Autowired
    SyncOrganizations organizations;

    @Autowired
    CommunityLeases leases;

    @Autowired
    JdbcClient jdbc;

    @Test
    void waitingOperationsFollowTheSchoolToItsNewCommunityAndGetLeasedThere() {
        var school = UUID.randomUUID();
        organizations.update(school, 229_990_001L, true);
        var waiting = operation(school, 229_990_001L, "PENDING", "chat:a");
        var running = operation(school, 229_990_001L, "RUNNING", "chat:b");

        organizations.update(school, 229_990_002L, true);

        assertThat(communityOf(waiting)).isEqualTo(229_990_002L);
        assertThat(communityOf(running))
                .as("in flight under the old community's lease")
                .isEqualTo(229_990_001L);
        assertThat(leases.acquire("test-node", 1000, java.time.Duration.ofSeconds(30)))
                .contains(229_990_002L);
    }

    private long operation(UUID school, long community, String status, String key) {
        return jdbc.sql(
                        """
                        insert into sync.operation (organization_id, community_id, kind, object_key, status,
                                                    next_attempt_at, created_at)
                        values (:school, :community, 'CREATE_CHAT', :key, :status, :due, :due)
                        returning id
                        """)
                .param("school", school)
                .param("community", community)
                .param("key", key + ":" + school)
                .param("status", status)
                .param("due", OffsetDateTime.now().minusMinutes(1))
                .query(Long.class)
                .single();
    }

    private long communityOf(long operation) {
        return jdbc.sql("select community_id from sync.operation where id = :id")
                .param("id", operation)
                .query(Long.class)
                .single();
    }
}
