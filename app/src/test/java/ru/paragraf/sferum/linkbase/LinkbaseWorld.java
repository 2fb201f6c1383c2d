package ru.paragraf.sferum.linkbase;

import java.util.List;
import ru.paragraf.vkemulator.CommunityPermission;
import ru.paragraf.vkemulator.EmulatorConfig;
import ru.paragraf.vkemulator.FaultPlan;
import ru.paragraf.vkemulator.Seed;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * Sferum for the link base's tests: the real VK emulator with a community for each fixture school, a token without
 * the messages permission, a token that gets revoked, and a VK user whose personal token is not a community token.
 */
final class LinkbaseWorld {

    static final long COMMUNITY_A = 227_000_011L;
    static final long COMMUNITY_B = 227_000_012L;
    static final long COMMUNITY_C = 227_000_013L;
    static final long UNKNOWN_COMMUNITY = 227_999_999L;

    static final String TOKEN_A = "vk1.a.linkbase-test-school-a-Q3mZ8pK2xV7nR4tY1wB6cD9fG0hJ5kL2sA8e9f3c";
    static final String TOKEN_A_NO_MESSAGES = "vk1.a.linkbase-test-school-a-photos-only-7Hn2Kq9Lm4Pw1Xc6Vb3Zt8Rj";
    static final String TOKEN_A_REVOKED = "vk1.a.linkbase-test-school-a-revoked-Ty5Uq2Wn8Ep3Ls6Kd9Fg1Hj4Zx7";
    static final String TOKEN_B = "vk1.a.linkbase-test-school-b-Mb7Nc4Xv1Zq8Wp5Lr2Ks9Jd6Hf3Gt0Ya7Ue4Io1b2b2";
    static final String TOKEN_C = "vk1.a.linkbase-test-school-c-Pc3Ov6Iu9Yt2Re5Wq8Lk1Mj4Nh7Bg0Vf3Cd6Xs9c3c3";

    static final long VK_USER = 700_000_001L;

    static final VkEmulator emulator =
            VkEmulator.start(EmulatorConfig.builder().seed(seed()).build());

    private LinkbaseWorld() {}

    static Seed seed() {
        return Seed.of(
                List.of(
                        Seed.Community.of(
                                COMMUNITY_A,
                                "ГБОУ школа № 622 — Сферум",
                                "school622spb",
                                Seed.Token.of(TOKEN_A, CommunityPermission.MESSAGES, CommunityPermission.MANAGE),
                                Seed.Token.of(TOKEN_A_NO_MESSAGES, CommunityPermission.PHOTOS),
                                Seed.Token.of(TOKEN_A_REVOKED, CommunityPermission.MESSAGES)),
                        Seed.Community.of(
                                COMMUNITY_B,
                                "ГБОУ гимназия № 205 — Сферум",
                                null,
                                Seed.Token.of(TOKEN_B, CommunityPermission.MESSAGES, CommunityPermission.MANAGE)),
                        Seed.Community.of(
                                COMMUNITY_C,
                                "ГБОУ лицей № 30 — Сферум",
                                null,
                                Seed.Token.of(TOKEN_C, CommunityPermission.MESSAGES))),
                List.of(Seed.User.of(VK_USER, "Анна", "Смирнова", "anna@school.example", "anna-password")),
                List.of());
    }

    /** Back to the seed, with the revoked token revoked and no faults. */
    static void reset() {
        emulator.reset();
        emulator.revokeToken(TOKEN_A_REVOKED);
    }

    /** Every VK call fails with error 10 (VK's internal error) until {@link #reset()}. */
    static void unreachable() {
        emulator.faults(FaultPlan.NONE.withError(10, 1.0, null));
    }

    static String userToken() {
        return emulator.issueUserToken(VK_USER);
    }
}
