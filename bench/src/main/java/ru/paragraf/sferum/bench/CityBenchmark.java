package ru.paragraf.sferum.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.accounts.NewAccount;
import ru.paragraf.sferum.sync.Reconciliation;
import ru.paragraf.vkemulator.FaultPlan;

/**
 * The city benchmark (issue 6): a generated city on the real application, in one JVM. A planning node (workers
 * off) generates and connects the city, then times full reconciliation of every organization and incremental
 * planning of single journals. A run node (workers on) then carries out the mass video day against the emulator
 * with VK's latency, while lessons are published through the API and users load pages over HTTP.
 */
final class CityBenchmark {

    /**
     * @param schools schools of the generated city (702 is St Petersburg)
     * @param videoSchools schools whose Monday becomes a video day at once
     * @param latency the emulator's latency per VK request during the run
     * @param runSeconds the measured window of the mass run
     * @param users concurrent web users during the run (half teachers, half pupils)
     * @param incrementalSamples journals planned one by one for the incremental figure
     * @param workerThreads the application's {@code sferum.sync.worker-threads}
     * @param communityConcurrency the application's {@code sferum.sync.community-concurrency}
     * @param cpuCeiling the application's {@code sferum.sync.cpu-ceiling}
     * @param probeEveryMillis how often a lesson is published during the run
     * @param thinkMillis how long a web user waits between two pages
     * @param twoNodes whether a second mass run, of as many other schools, goes on two application nodes
     * @param drain whether the one-node run's window lasts until its video day is drained (at most
     *     {@code drainCapSeconds}) instead of {@code runSeconds}
     * @param drainCapSeconds the longest the one-node run waits for its video day to drain
     */
    record Settings(
            int schools,
            int videoSchools,
            Duration latency,
            int runSeconds,
            int users,
            int incrementalSamples,
            int workerThreads,
            int communityConcurrency,
            double cpuCeiling,
            long probeEveryMillis,
            long thinkMillis,
            boolean twoNodes,
            boolean drain,
            int drainCapSeconds) {

        int secondVideoSchools() {
            return twoNodes ? Math.min(videoSchools, schools - videoSchools) : 0;
        }

        /** The longest the one-node run's window may last. */
        int oneNodeSeconds() {
            return drain ? drainCapSeconds : runSeconds;
        }
    }

    private final Settings settings;

    CityBenchmark(Settings settings) {
        this.settings = settings;
    }

    CityResult run() throws Exception {
        try (var world = CityWorld.start()) {
            log("embedded PostgreSQL and the VK emulator are up; starting the planning node");
            CityConnection.Connected connected;
            CityResult.Planning planning;
            Percentiles incremental;
            List<PublishProbes.Probe> probes;
            List<PageLoad.User> users;
            try (var node = world.startNode("planning", false, settings)) {
                connected = CityConnection.connect(node, world, settings);
                log("city connected: " + connected.steps());
                planning = planCity(node, connected);
                log("full planning: " + planning);
                incremental = planJournals(node, connected);
                log("incremental planning: " + incremental);
                probes = probes(node, connected);
                users = pageUsers(node, connected);
                if (settings.twoNodes()) {
                    var began = System.nanoTime();
                    CityConnection.secondVideoDay(node, connected);
                    connected
                            .steps()
                            .put(
                                    "the second video day (for two nodes): published, chats requested, planned",
                                    CityConnection.since(began));
                }
                // each mass run starts its schools' work when its window opens, not while its nodes start
                pause(node, videoSchools(connected));
            }
            world.vk.faults(FaultPlan.NONE.withLatency(FaultPlan.Latency.fixed(settings.latency())));
            var jdbc = JdbcClient.create(world.postgres.getPostgresDatabase());
            var oneNodeProbes = probes.size()
                    * settings.oneNodeSeconds()
                    / (settings.oneNodeSeconds() + (settings.twoNodes() ? settings.runSeconds() : 0));
            log("starting the run node (workers on)");
            CityResult.Run run;
            try (var benchPool = world.benchConnections();
                    var node = world.startNode("run", true, settings)) {
                var bench = JdbcClient.create(benchPool);
                run = massRun(
                        List.of(node),
                        world,
                        bench,
                        connected,
                        1,
                        probes.subList(0, oneNodeProbes),
                        users,
                        settings.drain());
                pause(node, videoSchools(connected));
            }
            CityResult.Run twoNodes = null;
            if (settings.twoNodes()) {
                log("starting two run nodes (workers on)");
                try (var benchPool = world.benchConnections();
                        var first = world.startNode("run-a", true, settings);
                        var second = world.startNode("run-b", true, settings)) {
                    twoNodes = massRun(
                            List.of(first, second),
                            world,
                            JdbcClient.create(benchPool),
                            connected,
                            2,
                            probes.subList(oneNodeProbes, probes.size()),
                            users,
                            false);
                }
            }
            Nightly replan;
            try (var node = world.startNode("nightly", false, settings)) {
                resume(jdbc, videoSchools(connected));
                replan = replan(node, connected);
            }
            // counted once the nodes have stopped, so that an operation between its VK call and its ledger write is
            // not taken for an orphan
            run = run.withDuplicates(duplicates(world, jdbc));
            return new CityResult(
                    settings,
                    connected.city().rows(),
                    connected.schools().size(),
                    connected.linkedTeachers(),
                    connected.steps(),
                    planning,
                    incremental,
                    run,
                    twoNodes,
                    replan.wall(),
                    replan.statements());
        }
    }

    /** The schools of both video days. */
    private List<CityConnection.School> videoSchools(CityConnection.Connected connected) {
        return connected.schools().stream().filter(s -> s.videoDay() > 0).toList();
    }

    /** The schools of the first or the second video day. */
    private List<CityConnection.School> videoSchools(CityConnection.Connected connected, int day) {
        return connected.schools().stream().filter(s -> s.videoDay() == day).toList();
    }

    /** Holds the schools' work back (the engine skips paused organizations), as a revoked token would. */
    private static void pause(ConfigurableApplicationContext node, List<CityConnection.School> schools) {
        node.getBean(JdbcClient.class)
                .sql(
                        """
                        update sync.organization set paused_reason = 'benchmark: waiting for its window',
                                                     paused_at = now()
                        where organization_id in (:organizations)""")
                .param("organizations", organizations(schools))
                .update();
    }

    private static void resume(JdbcClient jdbc, List<CityConnection.School> schools) {
        jdbc.sql(
                        """
                        update sync.organization set paused_reason = null, paused_at = null
                        where organization_id in (:organizations)""")
                .param("organizations", organizations(schools))
                .update();
    }

    private static List<UUID> organizations(List<CityConnection.School> schools) {
        return schools.stream().map(CityConnection.School::organization).toList();
    }

    /** (1) Full reconciliation: every organization of the city, one after the other, on one thread. */
    private CityResult.Planning planCity(ConfigurableApplicationContext node, CityConnection.Connected connected) {
        var reconciliation = node.getBean(Reconciliation.class);
        var heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.gc();
        heap.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        var jdbc = node.getBean(JdbcClient.class);
        jdbc.sql("select pg_stat_statements_reset()").query(Object.class).list();
        var allocated = threads.getCurrentThreadAllocatedBytes();
        var began = System.nanoTime();
        var operations = 0;
        for (var school : connected.schools()) {
            operations += reconciliation.organization(school.organization());
        }
        var wall = CityConnection.since(began);
        // the statements' whole text in the log: the report's table cuts them where all enqueues look alike
        jdbc.sql(
                        """
                        select round(total_exec_time) || ' ms, ' || calls || ' calls: '
                               || regexp_replace(query, '\\s+', ' ', 'g')
                        from pg_stat_statements order by total_exec_time desc limit 3""")
                .query(String.class)
                .list()
                .forEach(statement -> log("first planning's statement: " + statement));
        var peak =
                heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new CityResult.Planning(
                wall,
                connected.schools().size(),
                operations,
                peak >> 20,
                (threads.getCurrentThreadAllocatedBytes() - allocated) >> 20,
                Runtime.getRuntime().maxMemory() >> 20,
                topStatements(jdbc));
    }

    /** (2) Incremental: one lesson published in video mode, then its journal planned; repeated on other journals. */
    private Percentiles planJournals(ConfigurableApplicationContext node, CityConnection.Connected connected) {
        var jdbc = node.getBean(JdbcClient.class);
        var reconciliation = node.getBean(Reconciliation.class);
        var lessons = jdbc.sql(
                        """
                        select distinct on (l.journal_id) l.id, l.journal_id, l.organization_id
                        from school.lesson l join school.journal j on j.id = l.journal_id
                        where j.kind = 'GENERAL_EDUCATION' and l.lesson_date = :wednesday and not j.subject_chat_requested
                        order by l.journal_id, l.starts_at limit :n""")
                .param("wednesday", connected.monday().plusDays(2))
                .param("n", settings.incrementalSamples())
                .query((rs, row) -> new UUID[] {
                    rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)
                })
                .list();
        var millis = new ArrayList<Double>();
        for (var lesson : lessons) {
            jdbc.sql("update school.lesson set format = 'VIDEO_CALL', publication = 'PUBLISHED' where id = :id")
                    .param("id", lesson[0])
                    .update();
            var began = System.nanoTime();
            reconciliation.journal(lesson[2], lesson[1]);
            millis.add((System.nanoTime() - began) / 1e6);
        }
        return Percentiles.of(millis);
    }

    /** Lessons of Tuesday, in schools outside the video day where there are such, to publish during the run. */
    private List<PublishProbes.Probe> probes(ConfigurableApplicationContext node, CityConnection.Connected connected) {
        var jdbc = node.getBean(JdbcClient.class);
        var quiet = connected.schools().stream().filter(s -> s.videoDay() == 0).toList();
        var pool = quiet.isEmpty() ? connected.schools() : quiet;
        var admins = pool.stream()
                .collect(Collectors.toMap(CityConnection.School::organization, CityConnection.School::admin));
        var seconds = settings.oneNodeSeconds() + (settings.twoNodes() ? settings.runSeconds() : 0);
        var count = (int) (seconds * 1000L / settings.probeEveryMillis()) + 2;
        return jdbc
                .sql(
                        """
                        select distinct on (l.journal_id) l.id, l.organization_id
                        from school.lesson l join school.journal j on j.id = l.journal_id
                        where j.kind = 'GENERAL_EDUCATION' and l.lesson_date = :tuesday
                          and l.publication = 'DRAFT' and l.organization_id in (:organizations)
                        order by l.journal_id, l.starts_at""")
                .param("tuesday", connected.monday().plusDays(1))
                .param("organizations", List.copyOf(admins.keySet()))
                .query((rs, row) ->
                        new PublishProbes.Probe(rs.getObject(1, UUID.class), admins.get(rs.getObject(2, UUID.class))))
                .list()
                .stream()
                .limit(count)
                .toList();
    }

    /** Web users of the video-day schools: teachers of a chat journal, and pupils. */
    private List<PageLoad.User> pageUsers(ConfigurableApplicationContext node, CityConnection.Connected connected) {
        var jdbc = node.getBean(JdbcClient.class);
        var teachers = settings.users() / 2;
        var pupils = settings.users() - teachers;
        var users = new ArrayList<PageLoad.User>();
        var accounts = new ArrayList<NewAccount>();
        jdbc.sql(
                        """
                        select distinct on (jt.employee_id) jt.employee_id, j.id, j.organization_id
                        from school.journal j join school.journal_teacher jt on jt.journal_id = j.id
                        where j.subject_chat_requested order by jt.employee_id limit :n""")
                .param("n", teachers)
                .query((rs, row) -> new UUID[] {
                    rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)
                })
                .list()
                .forEach(row -> {
                    var name = "bench-teacher-" + users.size();
                    accounts.add(NewAccount.teacher(name, "Учитель", row[2], row[0]));
                    users.add(new PageLoad.User(name, "journal", "/journals/" + row[1]));
                });
        var video = connected.schools().stream()
                .filter(school -> school.videoDay() == 1)
                .map(CityConnection.School::organization)
                .toList();
        jdbc.sql("select id, organization_id from school.pupil where organization_id in (:orgs) order by id limit :n")
                .param(
                        "orgs",
                        video.isEmpty() ? List.of(connected.schools().get(0).organization()) : video)
                .param("n", pupils)
                .query((rs, row) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .list()
                .forEach(row -> {
                    var name = "bench-pupil-" + users.size();
                    accounts.add(NewAccount.pupil(name, "Ученик", row[1], row[0]));
                    users.add(new PageLoad.User(name, "diary", "/diary?week=" + connected.monday()));
                });
        node.getBean(AccountRegistration.class).registerAll(accounts, CityConnection.PASSWORD);
        return users;
    }

    /**
     * (3)–(6) A mass video day on one node or more: the schools' work is let go when the window opens, lessons are
     * published through the first node's API and users load its pages meanwhile. With {@code drain}, the window
     * closes when the day is drained (at most {@link Settings#drainCapSeconds()}), otherwise after
     * {@link Settings#runSeconds()}. The benchmark's own queries go through {@code jdbc}, its own connections.
     */
    private CityResult.Run massRun(
            List<ConfigurableApplicationContext> nodes,
            CityWorld world,
            JdbcClient jdbc,
            CityConnection.Connected connected,
            int day,
            List<PublishProbes.Probe> probes,
            List<PageLoad.User> users,
            boolean drain)
            throws InterruptedException {
        var schools = videoSchools(connected, day);
        var http = new AppHttp(CityWorld.port(nodes.get(0)));
        var load = new PageLoad(http, users, settings.thinkMillis());
        load.login();
        var cpuMeter = new CpuMeter(world.dataDirectory());
        var windowSeconds = drain ? settings.drainCapSeconds() : settings.runSeconds();
        var methodsBefore = world.vk.stats().methodCalls();
        jdbc.sql("select pg_stat_statements_reset()").query(Object.class).list();
        var teachers = teachersOf(jdbc, schools);
        var benchBackends = CityWorld.benchBackends(jdbc);
        var loadBefore = LoadAverage.read();
        var opened = OffsetDateTime.now();
        // the CPU meter's window is the run's: from here until the window closes
        cpuMeter.start(benchBackends);
        var start = System.nanoTime();
        var window = new Window(start, start + windowSeconds * 1_000_000_000L);
        var drainWatch = new VideoDayDrain(
                jdbc,
                world.vk,
                organizations(schools),
                schools.stream().map(CityConnection.School::community).collect(Collectors.toSet()),
                teachers,
                connected.monday(),
                window,
                drain);
        resume(jdbc, schools);
        var sampler = new Sampler(world.vk, jdbc, cpuMeter, start);
        var sampling = new Thread(sampler, "bench-sampler");
        sampling.start();
        var draining = new Thread(drainWatch, "bench-drain");
        draining.start();
        load.start(window);
        var grace = Math.min(30, windowSeconds) * 1_000_000_000L;
        var publisher = new PublishProbes(http, jdbc, probes, settings.probeEveryMillis(), window, grace);
        var publishing = new Thread(publisher, "bench-publisher");
        publishing.start();
        log("mass run on " + nodes.size() + " node(s), " + schools.size() + " schools: "
                + (drain ? "until the video day is drained, at most " : "") + windowSeconds + " s window");
        while (window.isOpen()) {
            CityConnection.pause(100);
        }
        var cpu = cpuMeter.stop(CityWorld.benchBackends(jdbc));
        var closed = OffsetDateTime.now();
        var loadAfter = LoadAverage.read();
        sampler.stop();
        sampling.join();
        var methodsAfter = world.vk.stats().methodCalls();
        draining.join();
        var drained = drainWatch.figures();
        log("window closed after " + Math.round(cpu.wallSeconds()) + " s; video day: " + drained);
        var pages = load.await();
        publishing.join();
        var seconds = sampler.snapshot();
        long requests = seconds.stream().mapToLong(Sampler.Second::requests).sum();
        long error6 = seconds.stream().mapToLong(Sampler.Second::error6).sum();
        double ceiling =
                seconds.stream().mapToDouble(s -> s.ceiling() * s.seconds()).sum();
        var methods = new TreeMap<String, Long>();
        methodsAfter.forEach((method, n) -> {
            var during = n - methodsBefore.getOrDefault(method, 0L);
            if (during > 0) {
                methods.put(method, during);
            }
        });
        var operations = new TreeMap<String, Long>();
        jdbc.sql(
                        """
                        select kind || ' ' || status, count(*) from sync.operation
                        where organization_id in (:organizations) group by 1""")
                .param("organizations", organizations(schools))
                .query((rs, row) -> operations.put(rs.getString(1), rs.getLong(2)))
                .list();
        var perNode = jdbc.sql(
                        """
                        select count(*) from sync.operation where finished_at between :opened and :closed
                        group by finished_by order by 1 desc""")
                .param("opened", opened)
                .param("closed", closed)
                .query(Long.class)
                .list();
        var statements = topStatements(jdbc);
        var frequent = statements(jdbc, "calls");
        var statementTotals = jdbc.sql(
                        """
                        select coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0) from pg_stat_statements
                        where userid <> (select oid from pg_roles where rolname = :bench)""")
                .param("bench", CityWorld.BENCH_APPLICATION)
                .query((rs, row) -> new CityResult.StatementTotals(rs.getLong(1), rs.getDouble(2), frequent))
                .single();
        return new CityResult.Run(
                nodes.size(),
                schools.size(),
                seconds,
                requests,
                error6,
                ceiling,
                perNode,
                publisher.figures(),
                pages,
                operations,
                methods,
                statements,
                statementTotals,
                new CityResult.Duplicates(0, 0, 0, 0, 0),
                cpu,
                drain,
                drained,
                loadBefore,
                loadAfter);
    }

    /** The VK users of the schools' teachers: whose user tokens the day's calls and members need. */
    private static java.util.Set<Long> teachersOf(JdbcClient jdbc, List<CityConnection.School> schools) {
        if (schools.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql(
                        """
                        select sferum_user_id from school.employee
                        where organization_id in (:organizations) and sferum_user_id is not null""")
                .param("organizations", organizations(schools))
                .query(Long.class)
                .list());
    }

    /** PostgreSQL's most expensive statements since the last reset. */
    private static List<CityResult.Statement> topStatements(JdbcClient jdbc) {
        return statements(jdbc, "total_exec_time");
    }

    /**
     * PostgreSQL's statements since the last reset, but the benchmark's own connections', the first 12 by
     * {@code order}, a column of pg_stat_statements.
     */
    private static List<CityResult.Statement> statements(JdbcClient jdbc, String order) {
        return jdbc.sql(
                        """
                        select regexp_replace(query, '\\s+', ' ', 'g') as text, calls, total_exec_time, mean_exec_time
                        from pg_stat_statements where userid <> (select oid from pg_roles where rolname = :bench)
                        order by %s desc limit 12"""
                                .formatted(order))
                .param("bench", CityWorld.BENCH_APPLICATION)
                .query((rs, row) -> new CityResult.Statement(
                        shorten(rs.getString("text")),
                        rs.getLong("calls"),
                        rs.getDouble("total_exec_time"),
                        rs.getDouble("mean_exec_time")))
                .list();
    }

    private static String shorten(String statement) {
        var text = statement.replace('|', '/').replace('`', '\'');
        return text.length() <= 160 ? text : text.substring(0, 160) + " …";
    }

    /** A nightly reconciliation of the city once the run is over: mostly nothing left to enqueue. */
    private Nightly replan(ConfigurableApplicationContext node, CityConnection.Connected connected) {
        var reconciliation = node.getBean(Reconciliation.class);
        var jdbc = node.getBean(JdbcClient.class);
        jdbc.sql("select pg_stat_statements_reset()").query(Object.class).list();
        var began = System.nanoTime();
        for (var school : connected.schools()) {
            reconciliation.organization(school.organization());
        }
        return new Nightly(CityConnection.since(began), topStatements(jdbc));
    }

    /** The nightly reconciliation after the runs, and where PostgreSQL's time went. */
    record Nightly(Duration wall, List<CityResult.Statement> statements) {}

    private static CityResult.Duplicates duplicates(CityWorld world, JdbcClient jdbc) {
        var chats = world.vk.chats();
        var perTitle = chats.stream()
                .collect(Collectors.groupingBy(chat -> chat.ownerId() + ":" + chat.title(), Collectors.counting()));
        var duplicateChats = perTitle.values().stream().mapToLong(n -> n - 1).sum();
        var ledgerCalls = new java.util.HashSet<>(jdbc.sql("select call_id from sync.call where call_id is not null")
                .query(String.class)
                .list());
        var calls = world.vk.calls();
        var orphans =
                calls.stream().filter(c -> !ledgerCalls.contains(c.callId())).count();
        Map<String, Integer> texts = new HashMap<>();
        chats.forEach(chat ->
                chat.textMessages().forEach(message -> texts.merge(chat.id() + ":" + message.text(), 1, Integer::sum)));
        var duplicateMessages = texts.values().stream().mapToInt(n -> n - 1).sum();
        return new CityResult.Duplicates(
                chats.size(), (int) duplicateChats, calls.size(), (int) orphans, duplicateMessages);
    }

    static void log(String message) {
        System.out.printf("[%tT] %s%n", System.currentTimeMillis(), message);
    }
}
