package ru.paragraf.sferum.linkbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static ru.paragraf.sferum.SchoolFixture.SCHOOL_A;
import static ru.paragraf.sferum.SchoolFixture.SCHOOL_B;
import static ru.paragraf.sferum.SchoolFixture.SCHOOL_C;
import static ru.paragraf.sferum.linkbase.LinkbaseWorld.TOKEN_A;
import static ru.paragraf.sferum.linkbase.LinkbaseWorld.TOKEN_B;
import static ru.paragraf.sferum.linkbase.LinkbaseWorld.TOKEN_C;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The city's hand-down file: upload, a preview verified row by row, «Применить» for exactly the rows that passed (all
 * or nothing, once), and the report; operators only, a district operator only for their district.
 */
@ExtendWith(OutputCaptureExtension.class)
class HanddownTests extends LinkbaseTestSupport {

    static final String BOM = "\uFEFF";

    @Test
    void previewsAppliesOnlyThePassedRowsAndReports(CapturedOutput output) throws Exception {
        var file = BOM
                + """
                Код ОО;Идентификатор сообщества;Токен
                A-001;227000011;%s
                B-002;227000012;%s

                C-003;227000013;%s
                Z-404;227000099;vk1.a.some-token-for-a-school-that-does-not-exist
                =HYPERLINK("http://evil.example");1;short
                """
                        .formatted(TOKEN_A, TOKEN_A, TOKEN_C);

        var id = upload("city", file);
        var preview = readyPreview("city", id);

        assertThat(preview)
                .contains(
                        "Строк в файле: 5. Проверено: 2, не проверено из-за недоступности VK Сферум: 0, с ошибками: 3.")
                .contains("Применить (2)")
                .doesNotContain(TOKEN_A, TOKEN_C);
        assertThat(rows(id))
                .containsExactly(
                        "2 A-001 VERIFIED",
                        "3 B-002 ERROR токен выдан для другого сообщества, а не для сообщества с этим идентификатором. "
                                + "Проверьте, что идентификатор и токен относятся к вашей школе.",
                        "5 C-003 VERIFIED",
                        "6 Z-404 ERROR нет образовательной организации с кодом «Z-404»",
                        "7 =HYPERLINK(\"http://evil.example\") ERROR нет образовательной организации с кодом "
                                + "«=HYPERLINK(\"http://evil.example\")»; Токен слишком короткий: 5 символов, а токен "
                                + "сообщества не короче 20. Проверьте, что он скопирован целиком.");
        assertThat(linkbaseTablesAsText()).doesNotContain(TOKEN_A, TOKEN_C);
        assertThat(communities()).isEmpty();

        var applied = apply("city", id);

        assertThat(applied.getMvcResult().getFlashMap().get("notice"))
                .isEqualTo("Применено строк: 2. Данные сохранены в «Базе ссылок» организаций.");
        assertThat(communities()).containsExactly(SCHOOL_A + " 227000011 VERIFIED", SCHOOL_C + " 227000013 VERIFIED");
        assertThat(jdbc.sql("select count(*) from linkbase.handdown_row where token is not null")
                        .query(Integer.class)
                        .single())
                .as("sealed tokens of the preview are erased once applied")
                .isZero();
        assertThat(jdbc.sql("select details->>'channel' from audit.entry where action = 'CREDENTIALS_SAVED'")
                        .query(String.class)
                        .list())
                .containsOnly("handdown:" + id)
                .hasSize(2);
        assertThat(readyPreview("city", id)).contains("применено, проверено ✓").doesNotContain("id=\"handdown-apply\"");

        var report = mvc.get()
                .uri("/linkbase/import/" + id + "/report.csv")
                .with(as("city"))
                .exchange();
        assertThat(report).hasStatusOk().hasHeader("Content-Type", "text/csv;charset=UTF-8");
        var csv = new String(report.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv)
                .startsWith(BOM + "Строка;Код ОО;Образовательная организация;Мессенджер;Идентификатор сообщества;"
                        + "Токен (начало и конец);Результат;Пояснение")
                .contains(
                        "2;A-001;Школа A;VK Сферум;227000011;vk1.a.****…9f3c;применено, проверено ✓;ГБОУ школа № 622 — Сферум")
                .contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"")
                .doesNotContain(TOKEN_A, TOKEN_C, ";=HYPERLINK");
        assertThat(output.getAll()).doesNotContain(TOKEN_A, TOKEN_C);
    }

    @Test
    void takesMaxBotsFromTheMessengerColumnAndVerifiesThemWithMax(CapturedOutput output) {
        var file = BOM
                + """
                Код ОО;Идентификатор сообщества;Токен;Мессенджер
                A-001;;%s;MAX
                B-002;227000012;%s
                C-003;227000013;%s;max
                Q-777;;%s;Telegram
                """
                        .formatted(LinkbaseMaxWorld.BOT_TOKEN_A, TOKEN_B, LinkbaseMaxWorld.WRONG_BOT_TOKEN, TOKEN_A);

        var id = upload("city", file);
        var preview = readyPreview("city", id);

        assertThat(rows(id))
                .containsExactly(
                        "2 A-001 VERIFIED",
                        "3 B-002 VERIFIED",
                        "4 C-003 ERROR для MAX идентификатор сообщества не указывается: оставьте его пустым, бот школы "
                                + "определяется по токену",
                        "5 Q-777 ERROR нет образовательной организации с кодом «Q-777»; "
                                + "неизвестный мессенджер «Telegram»: укажите VK или MAX (или оставьте столбец пустым — "
                                + "тогда VK)");
        assertThat(preview)
                .contains("Школа № 622 — бот (@school622_bot)")
                .contains("<td>MAX</td>", "<td>VK Сферум</td>")
                .doesNotContain(LinkbaseMaxWorld.BOT_TOKEN_A, TOKEN_B);
        assertThat(linkbaseTablesAsText()).doesNotContain(LinkbaseMaxWorld.BOT_TOKEN_A, TOKEN_B);

        apply("city", id);

        assertThat(jdbc.sql(
                                """
                                select organization_id || ' ' || messenger || ' ' || coalesce(community_id, bot_user_id)
                                       || ' ' || state
                                from linkbase.sferum_community order by messenger, organization_id""")
                        .query(String.class)
                        .list())
                .containsExactly(
                        SCHOOL_A + " MAX " + LinkbaseMaxWorld.BOT_A + " VERIFIED", SCHOOL_B + " VK 227000012 VERIFIED");
        assertThat(jdbc.sql("select details->>'channel' from audit.entry where action = 'CREDENTIALS_SAVED'"
                                + " and details->>'messenger' = 'MAX'")
                        .query(String.class)
                        .list())
                .containsExactly("handdown:" + id);
        assertThat(output.getAll()).doesNotContain(LinkbaseMaxWorld.BOT_TOKEN_A, TOKEN_B);
    }

    @Test
    void applyingAgainChangesNothing() {
        var id = upload("city", "A-001;227000011;" + TOKEN_A + "\n");
        readyPreview("city", id);
        apply("city", id);
        var audited = auditCount();
        var version = jdbc.sql("select version from linkbase.sferum_community")
                .query(Integer.class)
                .single();

        var again = apply("city", id);

        assertThat(again.getMvcResult().getFlashMap().get("notice"))
                .isEqualTo("Этот файл уже применён; повторное применение ничего не меняет.");
        assertThat(auditCount()).isEqualTo(audited);
        assertThat(jdbc.sql("select version from linkbase.sferum_community")
                        .query(Integer.class)
                        .single())
                .isEqualTo(version);
    }

    @Test
    void appliesNothingWhenTheDatabaseFailsMidway() {
        var id = upload(
                "city",
                "A-001,227000011,%s\nB-002,227000012,%s\nC-003,227000013,%s\n".formatted(TOKEN_A, TOKEN_B, TOKEN_C));
        readyPreview("city", id);
        jdbc.sql(
                        """
                        create function linkbase.fail_for_c() returns trigger language plpgsql as $$
                        begin
                            if new.community_id = 227000013 then raise exception 'simulated failure'; end if;
                            return new;
                        end $$""")
                .update();
        jdbc.sql("create trigger fail_for_c before insert on linkbase.sferum_community "
                        + "for each row execute function linkbase.fail_for_c()")
                .update();
        try {
            var failed = apply("city", id);

            assertThat(failed.getMvcResult().getFlashMap().get("notice"))
                    .asString()
                    .startsWith("Ничего не применено: база данных отклонила изменения, и все они отменены.");
            assertThat(communities())
                    .as("rows A and B were written before C failed")
                    .isEmpty();
            assertThat(auditCount()).isZero();
            assertThat(status(id)).isEqualTo("READY");
        } finally {
            jdbc.sql("drop trigger fail_for_c on linkbase.sferum_community").update();
            jdbc.sql("drop function linkbase.fail_for_c()").update();
        }

        apply("city", id);

        assertThat(communities()).hasSize(3);
        assertThat(status(id)).isEqualTo("APPLIED");
    }

    @Test
    void keepsADistrictOperatorToTheirDistrict() {
        var id = upload("district1", "A-001;227000011;%s\nC-003;227000013;%s\n".formatted(TOKEN_A, TOKEN_C));
        readyPreview("district1", id);

        assertThat(rows(id))
                .containsExactly(
                        "1 A-001 VERIFIED",
                        "2 C-003 ERROR организация «Школа C» не относится к вашему району: данные для неё загружает "
                                + "оператор её района или города");
        apply("district1", id);

        assertThat(communities()).containsExactly(SCHOOL_A + " 227000011 VERIFIED");
        assertThat(mvc.get().uri("/linkbase/import/" + id).with(as("district2")))
                .hasStatus(404);
        assertThat(mvc.post()
                        .uri("/linkbase/import/" + id + "/apply")
                        .with(as("city"))
                        .with(csrf()))
                .as("a preview exists for its uploader only")
                .hasStatus(404);
    }

    @Test
    void marksDuplicatesAndCommunitiesOfOtherSchoolsAsErrors() {
        var id = upload(
                "city",
                """
                A-001;227000011;%s
                A-001;227000011;%s
                B-002;227000013;%s
                C-003;227000013;%s
                """
                        .formatted(TOKEN_A, TOKEN_A, TOKEN_C, TOKEN_C));
        readyPreview("city", id);

        assertThat(rows(id))
                .containsExactly(
                        "1 A-001 ERROR код ОО повторяется в файле (строки 1, 2): оставьте одну строку на организацию; "
                                + "идентификатор сообщества повторяется в файле (строки 1, 2): у каждой школы своё сообщество",
                        "2 A-001 ERROR код ОО повторяется в файле (строки 1, 2): оставьте одну строку на организацию; "
                                + "идентификатор сообщества повторяется в файле (строки 1, 2): у каждой школы своё сообщество",
                        "3 B-002 ERROR идентификатор сообщества повторяется в файле (строки 3, 4): у каждой школы своё сообщество",
                        "4 C-003 ERROR идентификатор сообщества повторяется в файле (строки 3, 4): у каждой школы своё сообщество");
        assertThat(readyPreview("city", id))
                .contains("В файле нет строк без ошибок")
                .doesNotContain("handdown-apply");
    }

    @Test
    void refusesACommunityAlreadyHeldByAnotherSchool() {
        var held = upload("city", "B-002;227000012;" + TOKEN_B + "\n");
        readyPreview("city", held);
        apply("city", held);

        var id = upload("city", "A-001;227000012;" + TOKEN_B + "\n");
        readyPreview("city", id);

        assertThat(rows(id))
                .containsExactly("1 A-001 ERROR сообщество 227000012 уже указано в «Базе ссылок» другой организации");
    }

    @Test
    void appliesRowsThatVkCouldNotVerifyAsUnverified() {
        LinkbaseWorld.unreachable();
        var id = upload("city", "A-001;227000011;" + TOKEN_A + "\n");
        var preview = readyPreview("city", id);

        assertThat(preview).contains("не проверено из-за недоступности VK Сферум: 1");
        assertThat(rows(id))
                .containsExactly("1 A-001 UNVERIFIED VK Сферум не ответил: данные будут сохранены как «не проверены» "
                        + "и проверены автоматически позже");
        apply("city", id);

        assertThat(communities()).containsExactly(SCHOOL_A + " 227000011 UNVERIFIED");
    }

    @Test
    void readsCommasWithoutHeaderOrBom() {
        var id = upload("city", "\"A-001\",\"227000011\",\"" + TOKEN_A + "\"\r\nB-002,227000012," + TOKEN_B + ",,\r\n");

        readyPreview("city", id);

        assertThat(rows(id)).containsExactly("1 A-001 VERIFIED", "2 B-002 VERIFIED");
    }

    @Test
    void refusesAFileWithNulCharactersAsNoText() {
        // found by the fuzz suite: a NUL in an organization code reached PostgreSQL (HTTP 500)
        var file = "A-001\u0000;227000011;" + TOKEN_A + "\n";

        assertThat(uploadError("city", file.getBytes(StandardCharsets.UTF_8)))
                .startsWith("Файл содержит двоичные данные (символ NUL), а не текст CSV.");
        assertThat(jdbc.sql("select count(*) from linkbase.handdown")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void explainsWhyAFileCannotBeRead() {
        var cp1251 = "Код ОО;Идентификатор;Токен\nA-001;227000011;" + TOKEN_A + "\n";

        assertThat(uploadError("city", cp1251.getBytes(Charset.forName("windows-1251"))))
                .isEqualTo("Файл не в кодировке UTF-8. Сохраните его в Excel как «CSV UTF-8 (разделитель — запятая)» "
                        + "и загрузите снова.");
        assertThat(uploadError("city", "Код ОО;Идентификатор;Токен\n\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("В файле нет ни одной строки с данными.");
        assertThat(uploadError("city", "A-001;\"227000011;x\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("Нарушен формат CSV: вероятно, не закрыта кавычка.");
        assertThat(jdbc.sql("select count(*) from linkbase.handdown")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void showsProgressUntilTheRowsAreVerified() {
        var id = upload("city", "A-001;227000011;" + TOKEN_A + "\n");
        readyPreview("city", id);

        var progress = mvc.get()
                .uri("/linkbase/import/" + id + "/progress")
                .with(as("city"))
                .exchange();

        assertThat(progress).hasStatusOk().hasHeader("HX-Redirect", "/linkbase/import/" + id);
    }

    @Test
    void pollsTheProgressWhileRowsAreVerified() {
        LinkbaseWorld.emulator.faults(
                ru.paragraf.vkemulator.FaultPlan.NONE.withLatency(new ru.paragraf.vkemulator.FaultPlan.Fixed(1500)));
        var id = upload("city", "A-001;227000011;" + TOKEN_A + "\n");

        var page = html(mvc.get().uri("/linkbase/import/" + id).with(as("city")).exchange());
        var progress = mvc.get()
                .uri("/linkbase/import/" + id + "/progress")
                .with(as("city"))
                .exchange();

        assertThat(page)
                .contains("hx-trigger=\"every 1s\"")
                .contains("hx-get=\"/linkbase/import/" + id + "/progress\"")
                .contains("Проверка в VK Сферум: 0 из 1 строк…")
                .doesNotContain("handdown-apply");
        assertThat(progress).hasStatusOk().doesNotContainHeader("HX-Redirect");
        assertThat(html(progress)).startsWith("<div id=\"handdown-progress\"").contains("<progress");
        assertThat(apply("city", id).getMvcResult().getFlashMap().get("notice"))
                .isEqualTo("Проверка строк ещё не закончена. Дождитесь её окончания.");
        readyPreview("city", id);
    }

    @Test
    void refusesAnExpiredPreview() {
        var id = upload("city", "A-001;227000011;" + TOKEN_A + "\n");
        readyPreview("city", id);
        jdbc.sql("update linkbase.handdown set expires_at = now() - interval '1 minute' where id = :id")
                .param("id", id)
                .update();

        var applied = apply("city", id);

        assertThat(applied.getMvcResult().getFlashMap().get("notice"))
                .isEqualTo("Срок хранения предварительного просмотра истёк. Загрузите файл заново.");
        assertThat(communities()).isEmpty();
    }

    @Test
    void isForOperatorsOnly() {
        assertThat(mvc.get().uri("/linkbase/import").with(as("adminA"))).hasStatus(403);
        assertThat(mvc.post()
                        .uri("/linkbase/import")
                        .multipart()
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", new byte[] {'x'}))
                        .with(as("adminA"))
                        .with(csrf()))
                .hasStatus(403);
        assertThat(html(mvc.get().uri("/linkbase/import").with(as("district1")).exchange()))
                .contains("Вы оператор района: можно загружать данные только для школ своего района");
    }

    private UUID upload(String who, String content) {
        var result = post(who, content.getBytes(StandardCharsets.UTF_8));
        assertThat(result).hasStatus3xxRedirection();
        var location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/linkbase/import/");
        return UUID.fromString(location.substring("/linkbase/import/".length()));
    }

    private String uploadError(String who, byte[] content) {
        var page = html(post(who, content));
        var start = page.indexOf("id=\"linkbase-import-error\"");
        assertThat(start).isPositive();
        return page.substring(page.indexOf('>', start) + 1, page.indexOf("</div>", start));
    }

    private MvcTestResult post(String who, byte[] content) {
        return mvc.post()
                .uri("/linkbase/import")
                .multipart()
                .file(new MockMultipartFile("file", "handdown.csv", "text/csv", content))
                .with(as(who))
                .with(csrf())
                .exchange();
    }

    private String readyPreview(String who, UUID id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !"VERIFYING".equals(status(id)));
        var page = mvc.get().uri("/linkbase/import/" + id).with(as(who)).exchange();
        assertThat(page).hasStatusOk();
        return html(page);
    }

    private MvcTestResult apply(String who, UUID id) {
        var result = mvc.post()
                .uri("/linkbase/import/" + id + "/apply")
                .with(as(who))
                .with(csrf())
                .exchange();
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/linkbase/import/" + id);
        return result;
    }

    private String status(UUID id) {
        return jdbc.sql("select status from linkbase.handdown where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private List<String> rows(UUID id) {
        return jdbc.sql(
                        """
                        select line || ' ' || organization_code || ' ' || outcome || coalesce(' ' || message, '')
                        from linkbase.handdown_row where handdown_id = :id order by line""")
                .param("id", id)
                .query(String.class)
                .list();
    }

    private List<String> communities() {
        return jdbc.sql(
                        """
                        select organization_id || ' ' || community_id || ' ' || state
                        from linkbase.sferum_community order by community_id""")
                .query(String.class)
                .list();
    }

    private int auditCount() {
        return jdbc.sql("select count(*) from audit.entry where subject like 'sferum-community:%'")
                .query(Integer.class)
                .single();
    }
}
