package ru.paragraf.sferum.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.accounts.NewAccount;
import ru.paragraf.sferum.sync.Reconciliation;

/**
 * The CPU cost of one page (issue 14): the city benchmark's generated and connected city, reduced to a few
 * schools, with a year of lessons in every journal and a pupil's week published; chats and calls carried out
 * against the emulator. A second node (workers off) then serves a teacher's journal page and a pupil's diary week
 * again and again, one request at a time, and {@link RequestCpu} measures each request's CPU on its server thread.
 */
final class PageCost {

    /**
     * @param schools schools of the generated city (every one has its Monday as a video day)
     * @param warmup requests of each page before the measured ones (the JIT compiles, caches fill)
     * @param renders measured requests of each page
     * @param profile whether as many requests again run under a JFR recording, for where the CPU goes
     * @param recordings where to keep the JFR recordings, or {@code null}
     */
    record Settings(int schools, int warmup, int renders, boolean profile, @Nullable Path recordings) {}

    /** A page, the user who requests it, and how many lessons it shows. */
    record Page(String name, String user, String path, int lessons) {}

    /**
     * The figures of one page: CPU and allocation of the serving thread per request, wall time, the server
     * threads' whole CPU (Tomcat's parsing and polling included) and PostgreSQL's execution time per request.
     */
    record Figures(
            Page page,
            int bytes,
            Percentiles cpu,
            double cpuMean,
            Percentiles wall,
            double allocatedKb,
            double serverThreadsCpu,
            double postgresMillis,
            double statements,
            PageProfile.@Nullable Figures profile) {}

    /** What the run found: the pages' figures and how the city was set up. */
    record Result(Settings settings, List<String> setup, List<Figures> pages) {}

    private static final String PASSWORD = CityConnection.PASSWORD;

    private final Settings settings;
    private final List<String> setup = new ArrayList<>();

    PageCost(Settings settings) {
        this.settings = settings;
    }

    Result run() throws Exception {
        var city = new CityBenchmark.Settings(
                settings.schools(), settings.schools(), Duration.ZERO, 0, 0, 0, 32, 8, 1.0, 1000, 0, false, false, 0);
        try (var world = CityWorld.start()) {
            CityConnection.Connected connected;
            List<Page> pages;
            try (var node = world.startNode("pages-setup", true, city)) {
                connected = CityConnection.connect(node, world, city);
                note("city connected: " + connected.steps().keySet().size() + " steps, "
                        + connected.schools().size() + " schools, "
                        + connected.city().rows() + " rows");
                var jdbc = node.getBean(JdbcClient.class);
                var organizations = connected.schools().stream()
                        .map(CityConnection.School::organization)
                        .toList();
                yearOfLessons(jdbc, organizations, connected);
                drain(node, jdbc, organizations);
                pages = pages(node, jdbc, organizations, connected);
            }
            var cpu = new RequestCpu();
            try (var node = world.startNode("pages", false, city, cpu.initializer())) {
                var http = new AppHttp(CityWorld.port(node));
                var jdbc = JdbcClient.create(world.postgres.getPostgresDatabase());
                var figures = new ArrayList<Figures>();
                for (var page : pages) {
                    var session = http.login(page.user(), PASSWORD);
                    figures.add(measure(page, session, cpu, jdbc));
                }
                return new Result(settings, setup, figures);
            }
        }
    }

    /**
     * Every journal of the schools gets the generated week's lessons in every week of its academic year: lessons
     * before today published (the journal's history), later ones drafts. The week of the video day is published
     * whole, so a pupil's diary shows a full week (its Monday with the video calls).
     */
    private void yearOfLessons(JdbcClient jdbc, List<UUID> organizations, CityConnection.Connected connected) {
        var monday = connected.monday();
        var added = jdbc.sql(
                        """
                        insert into school.lesson (id, journal_id, organization_id, lesson_date, starts_at,
                                                   duration_minutes, topic, publication)
                        select gen_random_uuid(), l.journal_id, l.organization_id, l.lesson_date + 7 * w.k,
                               l.starts_at, l.duration_minutes, l.topic,
                               case when l.lesson_date + 7 * w.k < current_date then 'PUBLISHED' else 'DRAFT' end
                        from school.lesson l
                        join school.journal j on j.id = l.journal_id
                        join school.academic_year y on y.id = j.academic_year_id
                        cross join generate_series(-60, 60) w(k)
                        where l.organization_id in (:organizations) and l.lesson_date between :monday and :sunday
                          and w.k <> 0 and l.lesson_date + 7 * w.k between y.starts_on and y.ends_on""")
                .param("organizations", organizations)
                .param("monday", monday)
                .param("sunday", monday.plusDays(6))
                .update();
        var published = jdbc.sql(
                        """
                        update school.lesson set publication = 'PUBLISHED'
                        where organization_id in (:organizations) and lesson_date between :monday and :sunday
                          and publication = 'DRAFT'""")
                .param("organizations", organizations)
                .param("monday", monday)
                .param("sunday", monday.plusDays(6))
                .update();
        jdbc.sql("analyze school.lesson").update();
        note("a year of lessons: " + added + " lessons added; the video day's week: " + published + " more published");
    }

    /** Plans every school and waits until the workers have carried out what they can (chats, calls, links). */
    private void drain(ConfigurableApplicationContext node, JdbcClient jdbc, List<UUID> organizations) {
        var began = System.nanoTime();
        var reconciliation = node.getBean(Reconciliation.class);
        var planned =
                organizations.stream().mapToInt(reconciliation::organization).sum();
        var deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long open;
        do {
            CityConnection.pause(500);
            open = jdbc.sql(
                            """
                            select count(*) from sync.operation
                            where organization_id in (:organizations) and status in ('PENDING', 'RUNNING')""")
                    .param("organizations", organizations)
                    .query(Long.class)
                    .single();
        } while (open > 0 && System.nanoTime() < deadline);
        var states = jdbc.sql(
                        """
                        select 'calls ' || state || ': ' || count(*) from sync.call
                        where organization_id in (:organizations) group by state
                        union all
                        select 'chats ' || state || ': ' || count(*) from sync.chat
                        where organization_id in (:organizations) group by state""")
                .param("organizations", organizations)
                .query(String.class)
                .list();
        note("planned " + planned + " operations, carried out in "
                + CityConnection.since(began).toSeconds() + " s, " + open + " still open; "
                + String.join(", ", states));
    }

    /**
     * Journal pages as their teacher (an editor) sees them: of the journals with a subject chat, the one with the
     * median number of lessons and the one with the most, each at its month with the most lessons (the page shows a
     * month at a time); and the diary's week of the video day as a pupil of the
     * first school sees it.
     */
    private List<Page> pages(
            ConfigurableApplicationContext node,
            JdbcClient jdbc,
            List<UUID> organizations,
            CityConnection.Connected connected) {
        var journals = jdbc.sql(
                        """
                        select j.id, min(jt.employee_id::text)::uuid, j.organization_id,
                               (select count(*) from school.lesson l where l.journal_id = j.id) as lessons
                        from school.journal j
                        join school.journal_teacher jt on jt.journal_id = j.id
                        where j.subject_chat_requested and j.organization_id in (:organizations)
                        group by j.id, j.organization_id
                        order by lessons, j.id""")
                .param("organizations", organizations)
                .query((rs, row) -> new Journal(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getInt(4)))
                .list();
        var median = journals.get(journals.size() / 2);
        var largest = journals.get(journals.size() - 1);
        var pupil = jdbc.sql(
                        """
                        select p.id, p.organization_id from school.pupil p
                        where p.organization_id = :organization order by p.id limit 1""")
                .param("organization", organizations.get(0))
                .query((rs, row) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .single();
        var week = jdbc.sql(
                        """
                        select count(*) from school.lesson l
                        where l.lesson_date between :monday and :sunday and l.publication = 'PUBLISHED'
                          and l.journal_id in (select k.id from school.journal k
                                               where k.class_unit_id = (select class_unit_id from school.pupil
                                                                        where id = :pupil)
                                               union all
                                               select k.id from school.journal k
                                               join school.study_group_member m on m.study_group_id = k.study_group_id
                                               where m.pupil_id = :pupil)""")
                .param("monday", connected.monday())
                .param("sunday", connected.monday().plusDays(6))
                .param("pupil", pupil[0])
                .query(Integer.class)
                .single();
        node.getBean(AccountRegistration.class)
                .registerAll(
                        List.of(
                                NewAccount.teacher(
                                        "bench-teacher-1", "Учитель", median.organization(), median.teacher()),
                                NewAccount.teacher(
                                        "bench-teacher-2", "Учитель", largest.organization(), largest.teacher()),
                                NewAccount.pupil("bench-pupil", "Ученик", pupil[1], pupil[0])),
                        PASSWORD);
        var medianMonth = busiestMonth(jdbc, median.id());
        var largestMonth = busiestMonth(jdbc, largest.id());
        note(journals.size() + " journals with a subject chat; lessons in a year: median " + median.lessons()
                + ", most " + largest.lessons() + "; the page shows a month, their busiest: " + medianMonth.month()
                + " with " + medianMonth.lessons() + ", " + largestMonth.month() + " with " + largestMonth.lessons());
        return List.of(
                new Page(
                        "journal page, median journal (teacher)",
                        "bench-teacher-1",
                        "/journals/" + median.id() + "?month=" + medianMonth.month(),
                        medianMonth.lessons()),
                new Page(
                        "journal page, largest journal (teacher)",
                        "bench-teacher-2",
                        "/journals/" + largest.id() + "?month=" + largestMonth.month(),
                        largestMonth.lessons()),
                new Page("diary week (pupil)", "bench-pupil", "/diary?week=" + connected.monday(), week));
    }

    private record Journal(UUID id, UUID teacher, UUID organization, int lessons) {}

    /** A month of a journal's lessons, as its page shows them. */
    private record Month(YearMonth month, int lessons) {}

    /** The journal's month with the most lessons (the earliest of equals): the page's dearest month. */
    private static Month busiestMonth(JdbcClient jdbc, UUID journal) {
        return jdbc.sql(
                        """
                        select cast(date_trunc('month', lesson_date) as date), count(*) from school.lesson
                        where journal_id = :journal group by 1 order by 2 desc, 1 limit 1""")
                .param("journal", journal)
                .query((rs, row) -> new Month(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getInt(2)))
                .single();
    }

    private Figures measure(Page page, AppHttp.Session session, RequestCpu cpu, JdbcClient jdbc) throws Exception {
        CityBenchmark.log("measuring " + page.name() + ": " + settings.warmup() + " + " + settings.renders());
        int bytes = 0;
        for (int i = 0; i < settings.warmup(); i++) {
            bytes = fetch(session, page).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        cpu.drain();
        jdbc.sql("select pg_stat_statements_reset()").query(Object.class).list();
        var serverBefore = serverThreadsCpu();
        for (int i = 0; i < settings.renders(); i++) {
            fetch(session, page);
        }
        var serverCpu = serverThreadsCpu() - serverBefore;
        var postgres = jdbc.sql(
                        """
                        select coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0) from pg_stat_statements
                        where query not ilike '%qrtz%' and query not ilike '%pg_stat_statements%'""")
                .query((rs, row) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .single();
        var samples = cpu.drain().stream()
                .filter(sample -> page.path().startsWith(sample.uri()))
                .toList();
        PageProfile.Figures profile = null;
        if (settings.profile()) {
            try (var recording = new PageProfile()) {
                for (int i = 0; i < settings.renders(); i++) {
                    fetch(session, page);
                }
                var keep = settings.recordings() == null
                        ? null
                        : settings.recordings().resolve(fileName(page) + ".jfr");
                profile = recording.stop(40, keep);
            }
            cpu.drain();
        }
        var cpuMillis =
                millis(samples.stream().mapToLong(RequestCpu.Sample::cpuNanos).toArray());
        return new Figures(
                page,
                bytes,
                Percentiles.of(cpuMillis),
                cpuMillis.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                Percentiles.of(millis(
                        samples.stream().mapToLong(RequestCpu.Sample::wallNanos).toArray())),
                samples.stream()
                                .mapToLong(RequestCpu.Sample::allocatedBytes)
                                .average()
                                .orElse(0)
                        / 1024,
                serverCpu / 1e6 / settings.renders(),
                postgres[1] / settings.renders(),
                postgres[0] / settings.renders(),
                profile);
    }

    /** The page's name as a file name that no tool takes for an option ({@code journal-page-median-journal-teacher}). */
    private static String fileName(Page page) {
        return page.name()
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
    }

    private static String fetch(AppHttp.Session session, Page page) {
        var response = session.page(page.path());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(page.path() + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** The CPU time of the server's threads (Tomcat's acceptor, poller and request threads), in nanoseconds. */
    private static long serverThreadsCpu() {
        var threads = ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(info -> info != null && info.getThreadName().startsWith("http-nio-"))
                .mapToLong(info -> Math.max(0, threads.getThreadCpuTime(info.getThreadId())))
                .sum();
    }

    private static List<Double> millis(long[] nanos) {
        return Arrays.stream(nanos).mapToObj(n -> n / 1e6).toList();
    }

    private void note(String line) {
        CityBenchmark.log(line);
        setup.add(line);
    }
}
