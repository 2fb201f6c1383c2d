package ru.paragraf.sferum.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.vkemulator.EmulatorSnapshot;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * A video day drained: from the window's start (when its schools' work is let go) until every lesson of the day has
 * its live link (its call ACTIVE in the ledger) and the schools have no open operation left (every chat its invite
 * link, its teachers and its announcements). Looked at twice a second. When {@code closes} is set, the window closes
 * once the day is drained, or once nothing is open any more while lessons still lack their link (stuck).
 *
 * <p>Beside it, the floor VK's limits allow: the requests each of the day's community tokens was let through during
 * the window (the emulator's counters) at 20 a second, and each of the day's teachers' user tokens at 3 a second;
 * the most any one token needs is the least time the day can take.
 */
final class VideoDayDrain implements Runnable {

    /** Nothing open for this long while lessons still lack their link: nothing more will come. */
    private static final long STUCK_NANOS = 10_000_000_000L;

    /**
     * What became of the day.
     *
     * @param lessons the day's published video lessons
     * @param linked those with an ACTIVE call at the last look
     * @param failed those whose call FAILED
     * @param open the schools' open operations at the last look
     * @param allLinkedSeconds from the window's start until every lesson had its link; null if never
     * @param drainedSeconds from the window's start until the day was drained; null if never
     * @param stuck whether it stopped because nothing was open while lessons lacked their link
     * @param requests the day's requests: its communities' and its teachers' tokens, let through within the window
     * @param busiestCommunity the community token with the most requests, and their number
     * @param busiestUser the user token with the most requests, and their number
     */
    record Figures(
            long lessons,
            long linked,
            long failed,
            long open,
            @Nullable Double allLinkedSeconds,
            @Nullable Double drainedSeconds,
            boolean stuck,
            long requests,
            long busiestCommunity,
            long busiestCommunityRequests,
            long busiestUser,
            long busiestUserRequests) {

        /** The least time VK's limits allow the day: its busiest token's requests at that token's rate. */
        double floorSeconds() {
            return Math.max(
                    busiestCommunityRequests / (double) CityWorld.COMMUNITY_LIMIT,
                    busiestUserRequests / (double) CityWorld.USER_LIMIT);
        }

        /** Drained ÷ floor; null when the day was not drained. */
        @Nullable
        Double ratio() {
            return drainedSeconds == null || floorSeconds() <= 0 ? null : drainedSeconds / floorSeconds();
        }
    }

    private final JdbcClient jdbc;
    private final VkEmulator vk;
    private final List<UUID> organizations;
    private final Set<Long> communities;
    private final Set<Long> teachers;
    private final LocalDate day;
    private final Window window;
    private final boolean closes;
    private final List<EmulatorSnapshot.TokenRequests> requestsBefore;
    private final long lessons;
    private volatile long linked;
    private volatile long failed;
    private volatile long open = -1;
    private volatile @Nullable Double allLinked;
    private volatile @Nullable Double drained;
    private volatile boolean stuck;

    /**
     * @param communities the day's schools' communities
     * @param teachers the VK users of the day's schools' teachers
     * @param closes whether the window closes once the day is drained (or stuck)
     */
    VideoDayDrain(
            JdbcClient jdbc,
            VkEmulator vk,
            List<UUID> organizations,
            Set<Long> communities,
            Set<Long> teachers,
            LocalDate day,
            Window window,
            boolean closes) {
        this.jdbc = jdbc;
        this.vk = vk;
        this.organizations = organizations;
        this.communities = communities;
        this.teachers = teachers;
        this.day = day;
        this.window = window;
        this.closes = closes;
        this.requestsBefore = vk.stats().tokenRequests();
        this.lessons = organizations.isEmpty()
                ? 0
                : jdbc.sql(
                                """
                                select count(*) from school.lesson l join school.journal j on j.id = l.journal_id
                                where l.organization_id in (:organizations) and l.lesson_date = :day
                                  and l.format = 'VIDEO_CALL' and l.publication = 'PUBLISHED'
                                  and j.kind = 'GENERAL_EDUCATION'""")
                        .param("organizations", organizations)
                        .param("day", day)
                        .query(Long.class)
                        .single();
    }

    @Override
    public void run() {
        long idleSince = -1;
        while (window.isOpen() && !organizations.isEmpty()) {
            look();
            var now = System.nanoTime();
            var seconds = (now - window.start()) / 1e9;
            if (allLinked == null && linked >= lessons) {
                allLinked = seconds;
            }
            if (open == 0 && linked >= lessons) {
                drained = seconds;
                break;
            }
            idleSince = open == 0 ? (idleSince < 0 ? now : idleSince) : -1;
            if (idleSince >= 0 && now - idleSince >= STUCK_NANOS) {
                stuck = true;
                break;
            }
            CityConnection.pause(500);
        }
        if (closes) {
            window.close();
        }
    }

    private void look() {
        jdbc.sql(
                        """
                        select (select count(*) from sync.operation
                                where organization_id in (:organizations) and status in ('PENDING', 'RUNNING')) as open,
                               count(*) filter (where k.state = 'ACTIVE') as linked,
                               count(*) filter (where k.state = 'FAILED') as failed
                        from sync.call k join school.lesson l on l.id = k.lesson_id
                        where k.organization_id in (:organizations) and l.lesson_date = :day""")
                .param("organizations", organizations)
                .param("day", day)
                .query((rs, row) -> {
                    open = rs.getLong("open");
                    linked = rs.getLong("linked");
                    failed = rs.getLong("failed");
                    return row;
                })
                .list();
    }

    /** The figures, with the requests counted until now (call once the window has closed). */
    Figures figures() {
        if (open < 0 && !organizations.isEmpty()) {
            look();
        }
        var before = new java.util.HashMap<String, Long>();
        requestsBefore.forEach(token -> before.put(token.tokenId(), token.count()));
        long requests = 0;
        long community = 0;
        long communityRequests = 0;
        long user = 0;
        long userRequests = 0;
        for (var token : vk.stats().tokenRequests()) {
            var during = token.count() - before.getOrDefault(token.tokenId(), 0L);
            var isCommunity = token.kind().equals("community");
            if (!(isCommunity ? communities : teachers).contains(token.ownerId())) {
                continue;
            }
            requests += during;
            if (isCommunity && during > communityRequests) {
                community = token.ownerId();
                communityRequests = during;
            } else if (!isCommunity && during > userRequests) {
                user = token.ownerId();
                userRequests = during;
            }
        }
        return new Figures(
                lessons,
                linked,
                failed,
                Math.max(0, open),
                allLinked,
                drained,
                stuck,
                requests,
                community,
                communityRequests,
                user,
                userRequests);
    }
}
