package ru.paragraf.sferum.bench;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * Once a second during the mass run: VK API requests the emulator received (its own counters), its error-6
 * answers, each thread's CPU time ({@link CpuMeter}), and the ceiling of that second (what is active is counted every second, or less often when
 * counting takes long) — 20 requests/s per community with work open in the queue plus 3
 * requests/s per teacher whose user token that open work needs (calls, adding members).
 */
final class Sampler implements Runnable {

    /**
     * One sample of the run: its end {@code t} and its length {@code seconds} (about one second; longer when the
     * machine stalls the sampler), the requests and error-6 answers within it, what was active at its start.
     */
    record Second(
            double t, double seconds, long requests, long error6, int communities, int userTokens, double cpuBusy) {

        double ceiling() {
            return communities * (double) CityWorld.COMMUNITY_LIMIT + userTokens * (double) CityWorld.USER_LIMIT;
        }
    }

    private static final String ACTIVE =
            """
            select count(distinct o.community_id) as communities,
                   count(distinct case when o.kind = 'ADD_MEMBER' then (o.payload ->> 'employee')::uuid
                                       when o.kind in ('START_CALL', 'FINISH_CALL', 'RENEW_CALL') then t.employee_id end) as users
            from sync.operation o
            left join school.sync_journal_teacher t on o.kind in ('START_CALL', 'FINISH_CALL', 'RENEW_CALL')
                                                   and t.journal_id = (o.payload ->> 'journal')::uuid
                                                   and t.sferum_user_id is not null
            join sync.organization so on so.organization_id = o.organization_id and so.paused_reason is null
            where o.status in ('PENDING', 'RUNNING')""";

    private final VkEmulator vk;
    private final JdbcClient jdbc;
    private final CpuMeter cpuMeter;
    private final long start;
    final List<Second> seconds = new ArrayList<>();
    private volatile boolean running = true;

    Sampler(VkEmulator vk, JdbcClient jdbc, CpuMeter cpuMeter, long start) {
        this.vk = vk;
        this.jdbc = jdbc;
        this.cpuMeter = cpuMeter;
        this.start = start;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        long last = requests();
        long lastErrors = error6();
        var lastCpu = MachineCpu.read();
        long next = System.nanoTime();
        long previous = next;
        int[] active = null;
        long activeDue = 0;
        while (running) {
            next += 1_000_000_000L;
            // what is active reads the whole queue: every second while that is cheap, otherwise at most a twentieth
            // of the time, so that the benchmark weighs little on the database it measures
            if (System.nanoTime() >= activeDue) {
                var began = System.nanoTime();
                active = jdbc.sql(ACTIVE)
                        .query((rs, row) -> new int[] {rs.getInt("communities"), rs.getInt("users")})
                        .single();
                activeDue = began + Math.max(900_000_000L, 20 * (System.nanoTime() - began));
            }
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                CityConnection.pause(sleep / 1_000_000);
            }
            long now = requests();
            long errors = error6();
            var cpu = MachineCpu.read();
            cpuMeter.sample();
            long at = System.nanoTime();
            synchronized (seconds) {
                seconds.add(new Second(
                        (at - start) / 1e9,
                        (at - previous) / 1e9,
                        now - last,
                        errors - lastErrors,
                        active[0],
                        active[1],
                        cpu.busySince(lastCpu)));
            }
            lastCpu = cpu;
            previous = at;
            last = now;
            lastErrors = errors;
        }
    }

    /**
     * The machine's CPU counters from {@code /proc/stat} (all processes: the application, PostgreSQL, the emulator and
     * the load); zero where there is no such file.
     */
    record MachineCpu(long busy, long total) {

        static MachineCpu read() {
            try {
                var fields = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat"))
                        .get(0)
                        .trim()
                        .split("\\s+");
                long total = 0;
                for (int i = 1; i < fields.length; i++) {
                    total += Long.parseLong(fields[i]);
                }
                // idle and iowait
                long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
                return new MachineCpu(total - idle, total);
            } catch (java.io.IOException | RuntimeException e) {
                return new MachineCpu(0, 0);
            }
        }

        /** The share of the machine's CPU time that was busy since {@code earlier}, 0 to 1. */
        double busySince(MachineCpu earlier) {
            var total = this.total - earlier.total;
            return total <= 0 ? 0 : (busy - earlier.busy) / (double) total;
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
