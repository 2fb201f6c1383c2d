package ru.paragraf.sferum.linkbase;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.school.ScopedOrganizations;
import ru.paragraf.sferum.secrets.SecretBox;
import ru.paragraf.sferum.secrets.SecretMask;

/**
 * Turns an uploaded hand-down file into a stored preview: every row checked (input, organization code and scope,
 * duplicates, communities held by other schools), valid rows' tokens sealed, and their verification with Sferum
 * started in the background.
 */
@Service
class HanddownPreview {

    /** What became of an upload. */
    sealed interface Upload {}

    record Started(UUID handdown) implements Upload {}

    /** The file as a whole cannot be read; nothing was stored. */
    record Unreadable(String message) implements Upload {}

    private final ScopedOrganizations organizations;
    private final SferumCommunities communities;
    private final Handdowns handdowns;
    private final HanddownVerification verification;
    private final SecretBox box;
    private final LinkbaseTexts texts;
    private final LinkbaseProperties properties;
    private final Clock clock;

    HanddownPreview(
            ScopedOrganizations organizations,
            SferumCommunities communities,
            Handdowns handdowns,
            HanddownVerification verification,
            SecretBox box,
            LinkbaseTexts texts,
            LinkbaseProperties properties,
            Clock clock) {
        this.organizations = organizations;
        this.communities = communities;
        this.handdowns = handdowns;
        this.verification = verification;
        this.box = box;
        this.texts = texts;
        this.properties = properties;
        this.clock = clock;
    }

    Upload create(CurrentUser user, String fileName, byte[] bytes) {
        var limits = properties.handdown();
        if (bytes.length > limits.maxFileSize().toBytes()) {
            return new Unreadable(texts.get(
                    "linkbase.file.tooLarge",
                    String.valueOf(limits.maxFileSize().toKilobytes())));
        }
        var read = HanddownFile.read(bytes, limits.maxRows());
        if (read.problem() != null) {
            return new Unreadable(texts.get(
                    "linkbase.file." + read.problem(), read.arguments().toArray()));
        }
        var id = UUID.randomUUID();
        var now = OffsetDateTime.now(clock);
        var rows = check(user, id, read.lines());
        handdowns.insert(
                new Handdown(
                        id,
                        user.accountId(),
                        fileName,
                        now,
                        now.plus(limits.previewLifetime()),
                        HanddownStatus.VERIFYING,
                        now,
                        null),
                rows);
        verification.start(id);
        return new Started(id);
    }

    private List<HanddownRow> check(CurrentUser user, UUID handdown, List<HanddownFile.Line> lines) {
        var codes = lines.stream()
                .map(line -> line.value(0))
                .filter(code -> !code.isEmpty())
                .collect(Collectors.toSet());
        var found = organizations.byCodes(user, codes);
        var checked = new HashMap<Integer, CredentialsInput.Checked>();
        var linesOfCode = new HashMap<String, List<Integer>>();
        var linesOfCommunity = new HashMap<Long, List<Integer>>();
        var linesOfBotToken = new HashMap<String, List<Integer>>();
        for (var line : lines) {
            if (messenger(line) == Messenger.MAX) {
                if (!line.value(0).isEmpty()) {
                    linesOfCode
                            .computeIfAbsent(line.value(0), code -> new ArrayList<>())
                            .add(line.number());
                }
                if (CredentialsInput.checkBotToken(line.value(2)).isEmpty()) {
                    linesOfBotToken
                            .computeIfAbsent(line.value(2), token -> new ArrayList<>())
                            .add(line.number());
                }
                continue;
            }
            var input = CredentialsInput.check(line.value(1), line.value(2));
            checked.put(line.number(), input);
            if (!line.value(0).isEmpty()) {
                linesOfCode
                        .computeIfAbsent(line.value(0), code -> new ArrayList<>())
                        .add(line.number());
            }
            if (input.credentials() != null) {
                linesOfCommunity
                        .computeIfAbsent(input.credentials().communityId(), community -> new ArrayList<>())
                        .add(line.number());
            }
        }
        var holders = communities.holdersOf(linesOfCommunity.keySet());
        var rows = new ArrayList<HanddownRow>();
        for (var line : lines) {
            var code = line.value(0);
            var match = found.get(code);
            var problems = new ArrayList<String>();
            if (line.filledCount() > HanddownFile.COLUMNS) {
                problems.add(texts.get("linkbase.row.fieldCount", String.valueOf(line.filledCount())));
            }
            if (code.isEmpty()) {
                problems.add(texts.get("linkbase.row.codeRequired"));
            } else if (match == null) {
                problems.add(texts.get("linkbase.row.unknownCode", code));
            } else if (!match.visible()) {
                problems.add(texts.get(
                        "linkbase.row.outOfScope", match.organization().shortName()));
            }
            if (linesOfCode.getOrDefault(code, List.of()).size() > 1) {
                problems.add(texts.get("linkbase.row.duplicateCode", joined(linesOfCode.get(code))));
            }
            var messenger = messenger(line);
            if (messenger == null) {
                problems.add(texts.get("linkbase.row.unknownMessenger", line.value(3)));
                rows.add(row(handdown, line, match, null, problems));
                continue;
            }
            if (messenger == Messenger.MAX) {
                rows.add(botRow(handdown, line, match, problems, linesOfBotToken));
                continue;
            }
            var input = checked.get(line.number());
            var credentials = input.credentials();
            input.problems().forEach(problem -> problems.add(texts.problem(problem)));
            if (credentials != null) {
                var same = linesOfCommunity.get(credentials.communityId());
                if (same.size() > 1) {
                    problems.add(texts.get("linkbase.row.duplicateCommunity", joined(same)));
                }
                var holder = holders.get(credentials.communityId());
                if (holder != null
                        && (match == null || !holder.equals(match.organization().id()))) {
                    problems.add(texts.get("linkbase.row.communityTaken", String.valueOf(credentials.communityId())));
                }
            }
            rows.add(row(handdown, line, match, credentials, problems));
        }
        return rows;
    }

    /** The messenger a line names: VK when its fourth column is empty; null for an unknown name. */
    private static @Nullable Messenger messenger(HanddownFile.Line line) {
        var name = line.value(3).toUpperCase(Locale.ROOT);
        if (name.isEmpty() || name.equals("VK")) {
            return Messenger.VK;
        }
        return name.equals("MAX") ? Messenger.MAX : null;
    }

    /**
     * A MAX row: the bot token alone (a community id is a mistake there). Which bot the token is, and so whether
     * another school holds it, only MAX's {@code GET /me} tells: that is the verification's business.
     */
    private HanddownRow botRow(
            UUID handdown,
            HanddownFile.Line line,
            ScopedOrganizations.@Nullable CodedOrganization match,
            List<String> problems,
            Map<String, List<Integer>> linesOfBotToken) {
        if (!line.value(1).isEmpty()) {
            problems.add(texts.get("linkbase.row.communityIdForMax"));
        }
        CredentialsInput.checkBotToken(line.value(2)).forEach(problem -> problems.add(texts.problem(problem)));
        var same = linesOfBotToken.getOrDefault(line.value(2), List.of());
        if (same.size() > 1) {
            problems.add(texts.get("linkbase.row.duplicateBotToken", joined(same)));
        }
        var organization = match == null ? null : match.organization();
        boolean valid = problems.isEmpty();
        return new HanddownRow(
                handdown,
                line.number(),
                line.value(0),
                organization == null ? null : organization.id(),
                organization == null ? null : organization.shortName(),
                line.value(1),
                null,
                valid ? box.seal(line.value(2), HanddownRow.tokenContext(handdown, line.number())) : null,
                SecretMask.mask(line.value(2)),
                valid ? RowOutcome.PENDING : RowOutcome.ERROR,
                valid ? null : String.join("; ", problems),
                null,
                null,
                Messenger.MAX.name(),
                null,
                null,
                null);
    }

    /** The messengers a hand-down row may name. */
    enum Messenger {
        VK,
        MAX
    }

    private HanddownRow row(
            UUID handdown,
            HanddownFile.Line line,
            ScopedOrganizations.@Nullable CodedOrganization match,
            @Nullable Credentials credentials,
            List<String> problems) {
        var organization = match == null ? null : match.organization();
        boolean valid = problems.isEmpty() && credentials != null;
        return new HanddownRow(
                handdown,
                line.number(),
                line.value(0),
                organization == null ? null : organization.id(),
                organization == null ? null : organization.shortName(),
                line.value(1),
                credentials == null ? null : credentials.communityId(),
                valid ? box.seal(credentials.token().value(), HanddownRow.tokenContext(handdown, line.number())) : null,
                SecretMask.mask(line.value(2)),
                valid ? RowOutcome.PENDING : RowOutcome.ERROR,
                valid ? null : String.join("; ", problems),
                null,
                null,
                Messenger.VK.name(),
                null,
                null,
                null);
    }

    private static String joined(List<Integer> lines) {
        return lines.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
