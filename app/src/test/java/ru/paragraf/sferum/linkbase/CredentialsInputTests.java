package ru.paragraf.sferum.linkbase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The input checks of a community id and a token, with the Russian message of each. */
class CredentialsInputTests {

    static final String TOKEN = "vk1.a.abcdefghijklmnopqrstuvwxyz0123456789-_9f3c";

    @Test
    void acceptsAVkGroupIdAndACommunityToken() {
        var checked = CredentialsInput.check(" 227000001 ", "  " + TOKEN + "\n");

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.credentials()).isEqualTo(new Credentials(227000001L, new SferumToken(TOKEN)));
    }

    @Test
    void acceptsTheLargestSigned64BitId() {
        assertThat(CredentialsInput.check("9223372036854775807", TOKEN).credentials())
                .extracting(Credentials::communityId)
                .isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest(name = "id «{0}» → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'' | Укажите идентификатор сообщества.",
                "'   ' | Укажите идентификатор сообщества.",
                "-227000001 | Идентификатор сообщества указывается без знака «минус»: например, 227000001.",
                "club227000001 | Идентификатор сообщества — целое число из цифр, без букв, пробелов и ссылок: например, 227000001.",
                "227 000 001 | Идентификатор сообщества — целое число из цифр, без букв, пробелов и ссылок: например, 227000001.",
                "2.5 | Идентификатор сообщества — целое число из цифр, без букв, пробелов и ссылок: например, 227000001.",
                "0 | Идентификатор сообщества должен быть больше нуля.",
                "0000 | Идентификатор сообщества должен быть больше нуля.",
                "9223372036854775808 | Идентификатор сообщества слишком большой: допустимо не более 9223372036854775807.",
                "99999999999999999999999 | Идентификатор сообщества слишком большой: допустимо не более 9223372036854775807."
            })
    void explainsWhatIsWrongWithAnId(String id, String message) throws IOException {
        var checked = CredentialsInput.check(id, TOKEN);

        assertThat(checked.credentials()).isNull();
        assertThat(checked.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("communityId");
            assertThat(text(problem)).isEqualTo(message);
        });
    }

    @ParameterizedTest(name = "token «{0}» → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'' | Укажите токен доступа сообщества.",
                "vk1.a.abcdefghij klmnopqrstuvwxyz | Токен не должен содержать пробелов и переносов строк (найден в позиции 17): скопируйте токен целиком, без лишних символов.",
                "vk1.a.аbcdefghijklmnopqrstuvwxyz | В токене русская буква (позиция 7): токен состоит только из латинских букв, цифр и знаков. Скопируйте его, а не набирайте вручную.",
                "vk1.a.ébcdefghijklmnopqrstuvwxyz | В токене недопустимый символ (позиция 7): допустимы только латинские буквы, цифры и печатные знаки ASCII.",
                "vk1.a.short | Токен слишком короткий: 11 символов, а токен сообщества не короче 20. Проверьте, что он скопирован целиком."
            })
    void explainsWhatIsWrongWithAToken(String token, String message) throws IOException {
        var checked = CredentialsInput.check("227000001", token);

        assertThat(checked.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("token");
            assertThat(text(problem)).isEqualTo(message);
        });
    }

    @Test
    void refusesATokenWithALineBreakOrATabInside() throws IOException {
        assertThat(text(CredentialsInput.check("1", "vk1.a.abcdefghij\nklmnopqrstuvwxyz")
                        .problems()
                        .get(0)))
                .startsWith("Токен не должен содержать пробелов и переносов строк (найден в позиции 17)");
        assertThat(CredentialsInput.check("1", "vk1.a.abcdefghij\tklmnopqrstuvwxyz")
                        .problems())
                .extracting(InputProblem::code)
                .containsExactly("tokenWhitespace");
        assertThat(CredentialsInput.check("1", "vk1.a.abcdefghij\u00A0klmnopqrstuvwxyz")
                        .problems())
                .extracting(InputProblem::code)
                .containsExactly("tokenWhitespace");
    }

    @Test
    void boundsTheTokenLength() throws IOException {
        assertThat(CredentialsInput.check("1", "x".repeat(512)).isValid()).isTrue();
        assertThat(CredentialsInput.check("1", "x".repeat(20)).isValid()).isTrue();
        var tooLong = CredentialsInput.check("1", "x".repeat(513));

        assertThat(text(tooLong.problems().get(0)))
                .isEqualTo(
                        "Токен слишком длинный: 513 символов, допустимо не более 512. Проверьте, что скопирован только токен.");
    }

    @Test
    void reportsProblemsOfBothFieldsAtOnce() {
        var checked = CredentialsInput.check("abc", "");

        assertThat(checked.problems())
                .extracting(InputProblem::field, InputProblem::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("communityId", "idNotNumber"),
                        org.assertj.core.groups.Tuple.tuple("token", "tokenRequired"));
    }

    @Test
    void neverPutsTheTokenIntoAProblemOrAString() {
        var problem = CredentialsInput.check("1", "vk1.a.secret secret-secret-secret")
                .problems()
                .get(0);

        assertThat(problem.arguments()).doesNotContain("vk1.a.secret", "secret-secret-secret");
        assertThat(new SferumToken(TOKEN).toString()).isEqualTo("SferumToken[vk1.a.****…9f3c]");
        assertThat(new CredentialsForm("1", TOKEN).toString()).doesNotContain(TOKEN);
        assertThat(new CredentialsRequest("1", TOKEN).toString()).doesNotContain(TOKEN);
    }

    private static String text(InputProblem problem) throws IOException {
        var messages = new Properties();
        try (var reader = new InputStreamReader(
                Files.newInputStream(Path.of("src/main/resources/messages_ru.properties")), StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        var pattern = messages.getProperty(problem.messageKey());
        return problem.arguments().isEmpty()
                ? pattern
                : new MessageFormat(pattern, Locale.forLanguageTag("ru"))
                        .format(problem.arguments().toArray());
    }
}
