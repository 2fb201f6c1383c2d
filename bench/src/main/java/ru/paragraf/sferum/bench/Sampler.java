package ru.paragraf.sferum.bench;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * Once a second during the mass run: VK API requests the emulator received (its own counters), its error-6
 * answers, and the ceiling of that second — 20 requests/s per community with work open in the queue plus 3
 * requests/s per teacher whose user token that open work needs (calls, adding members).
 */
final class Sampler implements Runnable {

    /**
     * One sample of the run: its end {@code t} and its length {@code seconds} (about one second; longer when the
     * machine stalls the sampler), the requests and error-6 answers within it, what was active at its start.
     */
    record Second(double t, double seconds, long requests, long error6, int communities, int userTokens) {

        double ceiling() {
            return communities * (double) CityWorld.COMMUNITY_LIMIT + userTokens * (double) CityWorld.USER_LIMIT;
        }
    }

    private static final String ACTIVE =
            """
            select count(distinct o.community_id) as communities,
                   count(distinct case when o.kind = 'ADD_MEMBER' then (o.payload ->> 'employee')::uuid
                                       when o.kind in ('START_CALL', 'FINISH_CALL') then t.employee_id end) as users
            from sync.operation o
            left join school.sync_journal_teacher t on o.kind in ('START_CALL', 'FINISH_CALL')
                                                   and t.journal_id = (o.payload ->> 'journal')::uuid
                                                   and t.sferum_user_id is not null
            where o.status in ('PENDING', 'RUNNING')""";

    private final VkEmulator vk;
    private final JdbcClient jdbc;
    private final long start;
    final List<Second> seconds = new ArrayList<>();
    private volatile boolean running = true;

    Sampler(VkEmulator vk, JdbcClient jdbc, long start) {
        this.vk = vk;
        this.jdbc = jdbc;
        this.start = start;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        long last = requests();
        long lastErrors = error6();
        long next = System.nanoTime();
        long previous = next;
        while (running) {
            next += 1_000_000_000L;
            var active = jdbc.sql(ACTIVE)
                    .query((rs, row) -> new int[] {rs.getInt("communities"), rs.getInt("users")})
                    .single();
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                CityConnection.pause(sleep / 1_000_000);
            }
            long now = requests();
            long errors = error6();
            long at = System.nanoTime();
            synchronized (seconds) {
                seconds.add(new Second(
                        (at - start) / 1e9,
                        (at - previous) / 1e9,
                        now - last,
                        errors - lastErrors,
                        active[0],
                        active[1]));
            }
            previous = at;
            last = now;
            lastErrors = errors;
        }
    }

    List<Second> snapshot() {
        synchronized (seconds) {
            return List.copyOf(seconds);
        }
    }

    private long requests() {
        return vk.stats().methodCalls().values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    private long error6() {
        return vk.stats().methodErrors().values().stream()
                .mapToLong(byCode -> byCode.getOrDefault(6, 0L))
                .sum();
    }
}
