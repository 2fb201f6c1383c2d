package ru.paragraf.sferum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ru.paragraf.sferum.accounts.Role;
import ru.paragraf.sferum.school.JournalKind;
import ru.paragraf.sferum.school.LessonCallStatus;
import ru.paragraf.sferum.school.LessonFormat;
import ru.paragraf.sferum.school.PersonKind;
import ru.paragraf.sferum.school.Publication;
import ru.paragraf.sferum.school.SubjectChatStatus;

/**
 * Every text the users see comes from messages_ru.properties: no Russian string literals in Java code, no
 * hard-coded text in templates, and every message a template asks for exists.
 */
class RussianTextsTests {

    static final Path JAVA = Path.of("src/main/java");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern CYRILLIC = Pattern.compile("[\\u0400-\\u04FF]");
    static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[(}]");
    static final Pattern DYNAMIC_PREFIX = Pattern.compile("#\\{'([A-Za-z0-9_.]+\\.)'\\s*\\+");

    @Test
    void javaCodeHasNoRussianStringLiterals() throws IOException {
        var offenders = new ArrayList<String>();
        for (var file : files(JAVA, ".java")) {
            var code = withoutComments(Files.readString(file));
            var lines = code.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (CYRILLIC.matcher(lines[i]).find()) {
                    offenders.add(file + ":" + (i + 1) + ": " + lines[i].strip());
                }
            }
        }
        assertThat(offenders)
                .as("Russian text belongs in messages_ru.properties")
                .isEmpty();
    }

    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        var offenders = new ArrayList<String>();
        for (var file : files(TEMPLATES, ".html")) {
            var lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (CYRILLIC.matcher(lines.get(i)).find()) {
                    offenders.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(offenders)
                .as("templates take their texts from messages_ru.properties")
                .isEmpty();
    }

    @Test
    void everyMessageThatATemplateUsesExists() throws IOException {
        var messages = messages();
        var missing = new ArrayList<String>();
        for (var file : files(TEMPLATES, ".html")) {
            var content = Files.readString(file);
            var keys = STATIC_KEY.matcher(content);
            while (keys.find()) {
                if (!messages.containsKey(keys.group(1))) {
                    missing.add(file + ": " + keys.group(1));
                }
            }
            var prefixes = DYNAMIC_PREFIX.matcher(content);
            while (prefixes.find()) {
                for (var value : valuesFor(prefixes.group(1))) {
                    if (!messages.containsKey(prefixes.group(1) + value)) {
                        missing.add(file + ": " + prefixes.group(1) + value);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** The enums whose constants templates turn into message keys with a prefix; package-private ones by name. */
    static final Map<String, String> DYNAMIC_KEYS = Map.ofEntries(
            Map.entry("journalKind.", JournalKind.class.getName()),
            Map.entry("journal.monthShort.", java.time.Month.class.getName()),
            Map.entry("lessonFormat.", LessonFormat.class.getName()),
            Map.entry("publication.", Publication.class.getName()),
            Map.entry("role.", Role.class.getName()),
            Map.entry("oneroster.scope.", "ru.paragraf.sferum.school.oneroster.ImportScope$Level"),
            Map.entry("chat.state.", SubjectChatStatus.State.class.getName()),
            Map.entry("call.state.", LessonCallStatus.State.class.getName()),
            Map.entry("diary.chats.member.", "ru.paragraf.sferum.school.ChatMembership$State"),
            Map.entry("vkid.failure.", "ru.paragraf.sferum.diary.LinkFailure"),
            Map.entry("vkid.notLinked.", PersonKind.class.getName()),
            Map.entry("vkid.notice.linked.", PersonKind.class.getName()),
            Map.entry("vkid.relinkRequired.", PersonKind.class.getName()),
            Map.entry("vkid.unlink.text.", PersonKind.class.getName()),
            Map.entry("exchange.status.", "ru.paragraf.sferum.exchange.ExchangeRunStatus"),
            Map.entry("exchange.result.", "ru.paragraf.sferum.exchange.ItemResult"),
            Map.entry("exchange.preset.", "ru.paragraf.sferum.exchange.SchedulePreset"),
            Map.entry("readiness.stage.", "ru.paragraf.sferum.readiness.ReadinessStage"),
            Map.entry("readiness.credentials.", "ru.paragraf.sferum.readiness.CredentialsStatus"),
            Map.entry("readiness.column.", "ru.paragraf.sferum.readiness.ReadinessColumn"),
            Map.entry("preview.status.", "ru.paragraf.sferum.sync.PreviewOperation$Status"),
            Map.entry("chatMembers.role.", "ru.paragraf.sferum.sync.MemberRole"),
            Map.entry("sso.failure.title.", "ru.paragraf.sferum.accounts.SsoFailure$Kind"),
            Map.entry("sso.failure.text.", "ru.paragraf.sferum.accounts.SsoFailure$Kind"),
            Map.entry("sso.failure.help.", "ru.paragraf.sferum.accounts.SsoFailure$Kind"),
            Map.entry("accounts.logins.method.", "ru.paragraf.sferum.accounts.LoginMethod"),
            Map.entry("linkbase.messenger.", "ru.paragraf.sferum.linkbase.HanddownPreview$Messenger"),
            Map.entry("max.link.reply.", "ru.paragraf.sferum.diary.MaxLinkOutcome"));

    private static List<String> valuesFor(String prefix) {
        var type = DYNAMIC_KEYS.get(prefix);
        if (type == null) {
            throw new AssertionError("Unknown dynamic message prefix " + prefix + ": add its enum to DYNAMIC_KEYS");
        }
        try {
            return Stream.of(Class.forName(type).getEnumConstants())
                    .map(it -> ((Enum<?>) it).name())
                    .toList();
        } catch (ClassNotFoundException e) {
            throw new AssertionError("No enum " + type + " for message prefix " + prefix);
        }
    }

    static Properties messages() throws IOException {
        var properties = new Properties();
        try (var reader = new InputStreamReader(
                Files.newInputStream(Path.of("src/main/resources/messages_ru.properties")), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (var paths = Files.walk(root)) {
            return paths.filter(it -> it.toString().endsWith(suffix)).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Blanks comments but keeps string and character literals and the line structure. */
    static String withoutComments(String source) {
        var out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end + 3;
                out.append(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(j + 1, source.length());
                out.append(source, i, j);
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
