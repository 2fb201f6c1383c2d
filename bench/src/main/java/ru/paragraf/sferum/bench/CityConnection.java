package ru.paragraf.sferum.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.accounts.NewAccount;
import ru.paragraf.sferum.school.generator.CityParameters;
import ru.paragraf.sferum.school.generator.GeneratedCity;
import ru.paragraf.sferum.school.generator.SchoolDataGenerator;
import ru.paragraf.sferum.secrets.SecretBox;
import ru.paragraf.sferum.sync.Reconciliation;
import ru.paragraf.vkemulator.CommunityPermission;
import ru.paragraf.vkemulator.Seed;

/**
 * Generates the city and connects every school the way the city would: community credentials through the link
 * base API (verified against the emulator), an enabled SFERUM_SYNC task through the exchange API (nightly, so no
 * scheduled run disturbs the measurement). Teachers' VK ID links are written in bulk, as the diary stores them
 * after VK ID's OAuth flow (sealed user tokens, the staff file's Sferum account): 25,000 OAuth round trips would
 * take longer than the benchmark, and the flow itself is covered by the diary's tests.
 */
final class CityConnection {

    static final String PASSWORD = "citybench-password";
    static final String OPERATOR = "bench-city";
    static final long FIRST_COMMUNITY = 229_000_001L;
    static final long FIRST_VK_USER = 720_000_001L;

    /**
     * A connected school; {@code videoDay} 1 (the one-node run) or 2 (the two-node run) for schools that switch to
     * video at once, 0 for the others.
     */
    record School(UUID organization, long community, String admin, int videoDay) {}

    record Connected(GeneratedCity city, List<School> schools, int linkedTeachers, Map<String, Duration> steps) {

        LocalDate monday() {
            return city.weekStart();
        }
    }

    private CityConnection() {}

    static Connected connect(ConfigurableApplicationContext node, CityWorld world, CityBenchmark.Settings settings) {
        var steps = new LinkedHashMap<String, Duration>();
        var jdbc = node.getBean(JdbcClient.class);
        var http = new AppHttp(CityWorld.port(node));
        var accounts = node.getBean(AccountRegistration.class);

        long began = System.nanoTime();
        var monday =
                LocalDate.now().plusDays(1).with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        var parameters = CityParameters.city()
                .withSchools(Math.min(18, settings.schools()), settings.schools())
                .withWeekStart(monday);
        var city = node.getBean(SchoolDataGenerator.class).generate(parameters);
        steps.put("generate the city (PostgreSQL COPY)", since(began));

        began = System.nanoTime();
        var schools = new ArrayList<School>();
        var newAccounts = new ArrayList<NewAccount>();
        newAccounts.add(NewAccount.cityOperator(OPERATOR, "Оператор бенчмарка"));
        for (int i = 0; i < city.schools().size(); i++) {
            var generated = city.schools().get(i);
            var admin = "bench-admin-" + i;
            newAccounts.add(NewAccount.schoolAdmin(
                    admin, "Администратор", generated.organizationId(), generated.adminEmployeeId()));
            var day = i < settings.videoSchools()
                    ? 1
                    : i < settings.videoSchools() + settings.secondVideoSchools() ? 2 : 0;
            schools.add(new School(generated.organizationId(), FIRST_COMMUNITY + i, admin, day));
        }
        accounts.registerAll(newAccounts, PASSWORD);
        steps.put("accounts of the operator and the school admins", since(began));

        began = System.nanoTime();
        var pool = Executors.newFixedThreadPool(4);
        try {
            var done = new ArrayList<Future<?>>();
            for (var school : schools) {
                done.add(pool.submit(() -> connectSchool(world, http, school)));
            }
            for (var future : done) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Connecting the schools failed", e);
        } finally {
            pool.shutdown();
        }
        steps.put("credentials verified and SFERUM_SYNC enabled, via the API", since(began));

        began = System.nanoTime();
        var linked = linkTeachers(node, world, jdbc);
        steps.put("teachers' VK ID links (bulk)", since(began));

        began = System.nanoTime();
        videoDay(jdbc, schools, 1, monday);
        awaitEvents(jdbc);
        steps.put("the video day: lessons published in video mode, subject chats requested", since(began));
        return new Connected(city, schools, linked, steps);
    }

    private static void connectSchool(CityWorld world, AppHttp http, School school) {
        var token = "vk1.a.citybench-community-%09d-token-of-the-generated-city".formatted(school.community());
        world.vk.addCommunity(Seed.Community.of(
                school.community(),
                "Школа " + school.community(),
                "school_" + school.community(),
                Seed.Token.of(token, CommunityPermission.MESSAGES, CommunityPermission.MANAGE)));
        http.api(
                OPERATOR,
                PASSWORD,
                "PUT",
                "/api/orgs/" + school.organization() + "/sferum-community",
                "{\"communityId\": %d, \"token\": \"%s\"}".formatted(school.community(), token));
        http.api(
                OPERATOR,
                PASSWORD,
                "POST",
                "/api/orgs/" + school.organization() + "/exchange-tasks",
                "{\"type\":\"SFERUM_SYNC\",\"cron\":\"0 0 3 * * ?\",\"enabled\":true}");
    }

    /** Every teacher of a journal gets a VK account in the emulator, a user token and the diary's link. */
    private static int linkTeachers(ConfigurableApplicationContext node, CityWorld world, JdbcClient jdbc) {
        var box = node.getBean(SecretBox.class);
        var teachers = jdbc.sql(
                        """
                        select distinct e.id, e.organization_id from school.employee e
                        join school.journal_teacher jt on jt.employee_id = e.id order by e.id""")
                .query((rs, row) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .list();
        var now = OffsetDateTime.now();
        var links = new ArrayList<Object[]>();
        var staff = new ArrayList<Object[]>();
        long vkUser = FIRST_VK_USER;
        for (var teacher : teachers) {
            var id = vkUser++;
            world.vk.addUser(Seed.User.of(id, "Учитель", "№" + id, "u" + id + "@vk.test", null));
            var token = world.vk.issueUserToken(id);
            links.add(new Object[] {
                teacher[0],
                teacher[1],
                UUID.randomUUID(),
                id,
                box.seal(token, "vk-access-token:" + teacher[0]),
                now.plusDays(30),
                box.seal("citybench-refresh-" + id, "vk-refresh-token:" + teacher[0]),
                "citybench",
                "vkid.personal_info",
                now
            });
            staff.add(new Object[] {id, now, teacher[0]});
        }
        var template = node.getBean(JdbcTemplate.class);
        template.batchUpdate(
                """
                insert into diary.vk_link (person_id, person_kind, organization_id, account_id, vk_user_id,
                    access_token, access_expires_at, refresh_token, device_id, scope, linked_at)
                values (?, 'EMPLOYEE', ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                links);
        template.batchUpdate("update school.employee set sferum_user_id = ?, sferum_linked_at = ? where id = ?", staff);
        return teachers.size();
    }

    /** The second video day's schools switch to video, and their work is planned (not measured). */
    static void secondVideoDay(ConfigurableApplicationContext node, Connected connected) {
        var jdbc = node.getBean(JdbcClient.class);
        videoDay(jdbc, connected.schools(), 2, connected.monday());
        var reconciliation = node.getBean(Reconciliation.class);
        connected.schools().stream()
                .filter(school -> school.videoDay() == 2)
                .forEach(school -> reconciliation.organization(school.organization()));
    }

    /** Monday's general-education lessons of the video-day schools become published video lessons with chats. */
    private static void videoDay(JdbcClient jdbc, List<School> schools, int day, LocalDate monday) {
        var organizations = schools.stream()
                .filter(school -> school.videoDay() == day)
                .map(School::organization)
                .toList();
        if (organizations.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        update school.lesson l set format = 'VIDEO_CALL', publication = 'PUBLISHED'
                        from school.journal j
                        where j.id = l.journal_id and j.kind = 'GENERAL_EDUCATION' and l.lesson_date = :monday
                          and l.organization_id in (:organizations)""")
                .param("monday", monday)
                .param("organizations", organizations)
                .update();
        jdbc.sql(
                        """
                        update school.journal j set subject_chat_requested = true
                        where j.kind = 'GENERAL_EDUCATION' and j.organization_id in (:organizations)
                          and exists (select 1 from school.lesson l where l.journal_id = j.id
                                        and l.format = 'VIDEO_CALL' and l.publication = 'PUBLISHED')""")
                .param("organizations", organizations)
                .update();
        // one statement stands in for thousands of teachers' edits over days, after which autovacuum would have
        // refreshed the statistics
        jdbc.sql("analyze school.lesson, school.journal").update();
    }

    /** Waits until the event publication registry holds no event in flight (the tasks' readiness events). */
    static void awaitEvents(JdbcClient jdbc) {
        var deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            var open = jdbc.sql("select count(*) from event_publication where completion_date is null")
                    .query(Long.class)
                    .single();
            if (open == 0) {
                return;
            }
            pause(200);
        }
        throw new IllegalStateException("Events still in flight after 10 minutes");
    }

    static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
