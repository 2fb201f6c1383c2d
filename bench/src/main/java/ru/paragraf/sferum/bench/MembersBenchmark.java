package ru.paragraf.sferum.bench;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.sync.Reconciliation;
import ru.paragraf.vkemulator.FaultPlan;

/**
 * Chat members at city scale (issue 15), on the real application in one JVM with the VK emulator. Every school has
 * the city benchmark's video day (Monday's general-education lessons published in video mode, their journals asking
 * for subject chats), and the engine creates the chats with their teachers, calls and announcements (set up, not
 * measured); then three phases are measured, each until the engine has converged (no
 * operation of the schools open, no event in flight), each followed by a comparison of every chat's members in the
 * emulator with who belongs:
 *
 * <ol>
 *   <li>start of year: every pupil and, in a share of the schools with «Родители в предметных чатах» on, every parent
 *       links VK ID; the schools are planned (as the SFERUM_SYNC run or the link's event would) and the engine joins
 *       them all with their own user tokens (3 requests/s each);
 *   <li>a day of roster changes: a share of the pupils move class ({@link RosterMoves}): removals by the community,
 *       joins, invite links renewed;
 *   <li>the member check: a few strangers join chats by their invite links in the emulator, then every school's
 *       SFERUM_SYNC runs through the API (CHECK_MEMBERS per chat, strangers removed).
 * </ol>
 */
final class MembersBenchmark {

    /**
     * @param schools schools of the generated city, all of them with the video day's chats
     * @param parentsShare share of the schools with «Родители в предметных чатах» on (their parents linked)
     * @param movesShare share of the pupils who move class in the day of roster changes
     * @param strangers strangers who join chats by a forwarded link before the member check
     * @param latency the emulator's latency per VK request during the phases
     * @param capSeconds the longest a phase waits to converge
     */
    record Settings(
            int schools,
            double parentsShare,
            double movesShare,
            int strangers,
            Duration latency,
            int workerThreads,
            int communityConcurrency,
            double cpuCeiling,
            int capSeconds) {

        CityBenchmark.Settings city() {
            return new CityBenchmark.Settings(
                    schools,
                    schools,
                    latency,
                    0,
                    0,
                    0,
                    workerThreads,
                    communityConcurrency,
                    cpuCeiling,
                    1000,
                    1000,
                    false,
                    false,
                    capSeconds);
        }
    }

    private final Settings settings;

    MembersBenchmark(Settings settings) {
        this.settings = settings;
    }

    MembersResult run() throws Exception {
        try (var world = CityWorld.start();
                var benchPool = world.benchConnections()) {
            var bench = JdbcClient.create(benchPool);
            CityBenchmark.log("embedded PostgreSQL and the VK emulator are up; starting the node (workers on)");
            try (var node = world.startNode("members", true, settings.city())) {
                var connected = CityConnection.connect(node, world, settings.city());
                var organizations = connected.schools().stream()
                        .map(CityConnection.School::organization)
                        .toList();
                var setup = new LinkedHashMap<>(connected.steps());
                CityBenchmark.log("city connected: " + setup);
                world.vk.faults(FaultPlan.NONE.withLatency(FaultPlan.Latency.fixed(settings.latency())));
                var began = System.nanoTime();
                var chats = requestedChats(bench, organizations);
                var phases = new Phases(world, bench, organizations, settings.capSeconds());
                phases.plan(node, organizations);
                phases.awaitConverged(System.nanoTime());
                setup.put(
                        "the video day's %d chats created, their teachers in (engine)".formatted(chats),
                        CityConnection.since(began));
                var chatsReady = ChatMembersCheck.of(bench, world.vk, organizations);
                CityBenchmark.log("chats ready: " + chatsReady);

                began = System.nanoTime();
                var withParents =
                        organizations.subList(0, (int) Math.round(organizations.size() * settings.parentsShare()));
                FamilyLinks.parentsInChats(bench, withParents);
                var pupils = FamilyLinks.pupils(node, world, organizations);
                var parents = FamilyLinks.parents(node, world, withParents);
                // one statement stands in for links made over weeks, after which autovacuum would have refreshed the
                // statistics (in the first 200-school run, without it, a school's ADD_MEMBER planning right after the
                // bulk links ran past the 60 s statement timeout)
                bench.sql("analyze school.pupil, school.parent, school.chat_policy, diary.vk_link")
                        .update();
                setup.put("pupils' and parents' VK ID links (bulk)", CityConnection.since(began));
                CityBenchmark.log("linked %d pupils, %d parents (%d schools with parents)"
                        .formatted(pupils, parents, withParents.size()));

                var join = phases.measure("start of year: everyone joins", () -> phases.plan(node, organizations));
                CityBenchmark.log("start of year: " + join);
                if (join.convergedSeconds() == null) {
                    CityBenchmark.log("not converged within the cap: the other phases are not run");
                    return new MembersResult(
                            settings,
                            connected.city().rows(),
                            organizations.size(),
                            chats,
                            chatsReady,
                            withParents.size(),
                            pupils,
                            parents,
                            setup,
                            List.of(join),
                            null,
                            null,
                            holds(bench));
                }

                var moved = new RosterMoves.Moved[1];
                var moves = phases.measure(
                        "a day of roster changes",
                        () -> moved[0] = RosterMoves.apply(node, organizations, settings.movesShare()));
                CityBenchmark.log("roster changes: " + moved[0] + "; " + moves);

                var planted = Strangers.plant(world.vk, bench, organizations, settings.strangers());
                var http = new AppHttp(CityWorld.port(node));
                var tasks = bench.sql("select id from exchange.task where type_code = 'SFERUM_SYNC'"
                                + " and organization_id in (:organizations)")
                        .param("organizations", organizations)
                        .query(UUID.class)
                        .list();
                var runsFrom = OffsetDateTime.now();
                var check = phases.measure("the member check (SFERUM_SYNC runs)", () -> {
                    for (var task : tasks) {
                        http.api(
                                CityConnection.OPERATOR,
                                CityConnection.PASSWORD,
                                "POST",
                                "/api/exchange-tasks/" + task + "/runs",
                                null);
                    }
                    phases.awaitRuns(tasks.size(), runsFrom);
                });
                var strangers = Strangers.figures(world.vk, bench, planted, runsFrom);
                CityBenchmark.log("member check: " + check + "; strangers " + strangers);
                return new MembersResult(
                        settings,
                        connected.city().rows(),
                        organizations.size(),
                        chats,
                        chatsReady,
                        withParents.size(),
                        pupils,
                        parents,
                        setup,
                        List.of(join, moves, check),
                        moved[0],
                        strangers,
                        holds(bench));
            }
        }
    }

    /** Removal holds recorded (none expected: the day's moves stay below the threshold). */
    private static long holds(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from sync.removal_hold")
                .query(Long.class)
                .single();
    }

    /** The journals whose subject chat the video day asked for. */
    private static int requestedChats(JdbcClient jdbc, List<UUID> organizations) {
        return jdbc.sql("select count(*) from school.journal where subject_chat_requested"
                        + " and organization_id in (:organizations)")
                .param("organizations", organizations)
                .query(Integer.class)
                .single();
    }

    /** What a phase measures, and how it waits for the engine to converge. */
    static final class Phases {

        private static final long PROGRESS_NANOS = 30_000_000_000L;

        private final CityWorld world;
        private final JdbcClient bench;
        private final List<UUID> organizations;
        private final int capSeconds;

        Phases(CityWorld world, JdbcClient bench, List<UUID> organizations, int capSeconds) {
            this.world = world;
            this.bench = bench;
            this.organizations = organizations;
            this.capSeconds = capSeconds;
        }

        void plan(ConfigurableApplicationContext node, List<UUID> schools) {
            var reconciliation = node.getBean(Reconciliation.class);
            schools.forEach(reconciliation::organization);
        }

        interface Step {
            void run() throws Exception;
        }

        MembersResult.Phase measure(String name, Step step) throws Exception {
            var cpu = new CpuMeter(world.dataDirectory());
            var statsBefore = world.vk.stats();
            var loadBefore = LoadAverage.read();
            var since = OffsetDateTime.now();
            cpu.start(CityWorld.benchBackends(bench));
            var began = System.nanoTime();
            step.run();
            var converged = awaitConverged(began, cpu);
            var split = cpu.stop(CityWorld.benchBackends(bench));
            var loadAfter = LoadAverage.read();
            var statsAfter = world.vk.stats();
            var methods = new TreeMap<String, Long>();
            statsAfter.methodCalls().forEach((method, n) -> {
                var during = n - statsBefore.methodCalls().getOrDefault(method, 0L);
                if (during > 0) {
                    methods.put(method, during);
                }
            });
            var error6 = statsAfter.totalRateLimitViolations() - statsBefore.totalRateLimitViolations();
            var operations = new TreeMap<String, Long>();
            bench.sql(
                            """
                            select kind || ' ' || status, count(*) from sync.operation
                            where organization_id in (:organizations) and created_at >= :since group by 1""")
                    .param("organizations", organizations)
                    .param("since", since)
                    .query((rs, row) -> operations.put(rs.getString(1), rs.getLong(2)))
                    .list();
            var check = ChatMembersCheck.of(bench, world.vk, organizations);
            return new MembersResult.Phase(
                    name, converged, methods, error6, operations, split, check, loadBefore, loadAfter);
        }

        /** Seconds from {@code began} until nothing is open twice in a row; null if not within the cap. */
        Double awaitConverged(long began) {
            return awaitConverged(began, null);
        }

        private Double awaitConverged(long began, CpuMeter cpu) {
            var deadline = began + capSeconds * 1_000_000_000L;
            int quiet = 0;
            var nextLog = System.nanoTime() + PROGRESS_NANOS;
            while (System.nanoTime() < deadline) {
                if (cpu != null) {
                    cpu.sample();
                }
                var open = open();
                quiet = open == 0 ? quiet + 1 : 0;
                if (System.nanoTime() > nextLog) {
                    CityBenchmark.log("%.0f s: %d open (operations and events), %d operations DONE in all"
                            .formatted((System.nanoTime() - began) / 1e9, open, done()));
                    nextLog += PROGRESS_NANOS;
                }
                if (quiet == 2) {
                    return (System.nanoTime() - began) / 1e9;
                }
                CityConnection.pause(250);
            }
            return null;
        }

        private long done() {
            return bench.sql("select count(*) from sync.operation where status = 'DONE'")
                    .query(Long.class)
                    .single();
        }

        /** The schools' open operations and the events still in flight. */
        private long open() {
            return bench.sql(
                            """
                            select (select count(*) from sync.operation where organization_id in (:organizations)
                                      and status in ('PENDING', 'RUNNING'))
                                 + (select count(*) from event_publication where completion_date is null)""")
                    .param("organizations", organizations)
                    .query(Long.class)
                    .single();
        }

        /** Waits until this many runs started since {@code from} have ended. */
        void awaitRuns(int runs, OffsetDateTime from) {
            var deadline = System.nanoTime() + capSeconds * 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                var ended = bench.sql(
                                """
                                select count(*) from exchange.run where queued_at >= :from
                                  and status in ('SUCCEEDED', 'PARTIAL', 'FAILED')""")
                        .param("from", from)
                        .query(Long.class)
                        .single();
                if (ended >= runs) {
                    return;
                }
                CityConnection.pause(250);
            }
        }
    }
}
