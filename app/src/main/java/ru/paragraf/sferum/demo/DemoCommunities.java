package ru.paragraf.sferum.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.accounts.Role;
import ru.paragraf.sferum.embedded.ConditionalOnDemoData;
import ru.paragraf.sferum.secrets.SecretMask;
import ru.paragraf.vkemulator.CommunityPermission;
import ru.paragraf.vkemulator.Seed;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * One Sferum community per demo school in the in-process VK emulator (bean {@code vkEmulator}, embedded mode only):
 * ids from 227000001 on, by school number, names like «ГБОУ школа № 622 — Сферум», a community token with the
 * {@code messages} and {@code manage} permissions. They are seeded again at every start (harmless over the
 * emulator's saved state, and needed when it starts afresh), deterministically: the token is derived from the school and the id, and credentials that were
 * entered into the link base keep verifying after a restart. They are not entered into the link base: that is the
 * first step of the seed flow, done by the school admin.
 */
@Component
@ConditionalOnDemoData
class DemoCommunities {

    static final long FIRST_ID = 227_000_000L;

    private final DemoLogins logins;
    private final DemoTexts texts;
    private final ObjectProvider<VkEmulator> emulator;

    DemoCommunities(DemoLogins logins, DemoTexts texts, ObjectProvider<VkEmulator> emulator) {
        this.logins = logins;
        this.texts = texts;
        this.emulator = emulator;
    }

    /** Adds the demo schools' communities to the emulator; none without an in-process emulator. */
    List<DemoCommunity> seed() {
        var vk = emulator.getIfAvailable();
        if (vk == null) {
            return List.of();
        }
        var communities = planned();
        communities.forEach(community -> vk.addCommunity(Seed.Community.of(
                community.id(),
                community.name(),
                null,
                Seed.Token.of(community.token(), CommunityPermission.MESSAGES, CommunityPermission.MANAGE))));
        return communities;
    }

    /** The communities to show; none unless the emulator runs in-process (never real tokens, never production). */
    List<DemoCommunity> listed() {
        return emulator.getIfAvailable() == null ? List.of() : planned();
    }

    /**
     * The hand-down block of the start-up log, tokens masked (secrets never go to a log, not even the emulator's:
     * the whole token is on the /demo page); empty without communities.
     */
    String render(List<DemoCommunity> communities) {
        if (communities.isEmpty()) {
            return "";
        }
        var block = new StringBuilder(texts.get("demo.communities.log.title"));
        for (var community : communities) {
            block.append("\n  ")
                    .append(texts.get(
                            "demo.communities.log.line",
                            community.schoolName(),
                            String.valueOf(community.id()),
                            SecretMask.mask(community.token())));
        }
        return block.toString();
    }

    private List<DemoCommunity> planned() {
        return logins.featured().stream()
                .filter(login ->
                        login.role() == Role.SCHOOL_ADMIN && login.school() != null && login.organizationId() != null)
                .map(login -> {
                    long id = FIRST_ID + login.school();
                    return new DemoCommunity(
                            login.school(),
                            login.organizationId(),
                            login.place(),
                            id,
                            texts.get("demo.community.name", login.place()),
                            token(login.organizationId(), id));
                })
                .toList();
    }

    /** A token that looks like VK's ({@code vk1.a.} and 86 URL-safe characters), the same at every start. */
    static String token(UUID organization, long id) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            var seed = "sferum-demo-community:" + organization + ":" + id;
            var first = digest.digest(seed.getBytes(StandardCharsets.UTF_8));
            var second = digest.digest((seed + ":2").getBytes(StandardCharsets.UTF_8));
            var bytes = new byte[first.length + second.length];
            System.arraycopy(first, 0, bytes, 0, first.length);
            System.arraycopy(second, 0, bytes, first.length, second.length);
            return "vk1.a." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
