package ru.paragraf.vkemulator;

import java.util.List;

/** A small school world: two communities, a teacher, pupils, one VK ID client. */
final class Fixtures {

    static final long SCHOOL = 228000101L;
    static final String SCHOOL_TOKEN = "vk1.a.test-school-token-5b0c2f7e1d4a48a6b1c3d2e5f6a7b8c9d0e19f3c";
    static final String PHOTOS_ONLY_TOKEN = "vk1.a.test-school-photos-only-token-0a1b2c3d4e5f6a7b8c9d0e1f2a3b";
    static final long OTHER_SCHOOL = 228000202L;
    static final String OTHER_SCHOOL_TOKEN = "vk1.a.test-other-school-token-9e8d7c6b5a4f3e2d1c0b9a8f7e6d";
    static final long ORG_SCHOOL = 228000303L;
    static final String ORG_SCHOOL_TOKEN = "vk1.a.test-org-school-token-1f2e3d4c5b6a798877665544332211";

    static final long TEACHER = 700000001L;
    static final long PUPIL = 700000002L;
    static final long PUPIL_2 = 700000003L;
    static final long OUTSIDER = 700000009L;
    static final String TEACHER_LOGIN = "teacher@school.example";
    static final String TEACHER_PASSWORD = "correct horse battery staple";

    static final String CLIENT_ID = "51900001";
    static final String REDIRECT_URI = "http://localhost:8080/diary/vkid/callback";

    private Fixtures() {}

    static Seed seed() {
        return Seed.of(
                List.of(
                        Seed.Community.of(
                                SCHOOL,
                                "ГБОУ школа № 101",
                                "school101",
                                Seed.Token.of(SCHOOL_TOKEN, CommunityPermission.MESSAGES, CommunityPermission.MANAGE),
                                Seed.Token.of(PHOTOS_ONLY_TOKEN, CommunityPermission.PHOTOS)),
                        Seed.Community.of(
                                OTHER_SCHOOL,
                                "ГБОУ гимназия № 202",
                                "gym202",
                                Seed.Token.of(OTHER_SCHOOL_TOKEN, CommunityPermission.MESSAGES)),
                        new Seed.Community(
                                ORG_SCHOOL,
                                "ГБОУ лицей № 303",
                                "lyceum303",
                                List.of(Seed.Token.of(ORG_SCHOOL_TOKEN, CommunityPermission.MESSAGES)),
                                List.of(TEACHER, PUPIL))),
                List.of(
                        Seed.User.of(TEACHER, "Анна", "Смирнова", TEACHER_LOGIN, TEACHER_PASSWORD),
                        Seed.User.of(PUPIL, "Дмитрий", "Иванов", "pupil@school.example", "pupil-password"),
                        Seed.User.of(PUPIL_2, "Ольга", "Петрова", "pupil2@school.example", "pupil2-password"),
                        Seed.User.of(OUTSIDER, "Пётр", "Сидоров", "outsider@example.ru", "outsider-password")),
                List.of(Seed.Client.of(CLIENT_ID, REDIRECT_URI)));
    }

    /** The seed, a standing clock, and rate limits high enough not to matter unless a test lowers them. */
    static EmulatorConfig.Builder config(MutableClock clock) {
        return EmulatorConfig.builder()
                .seed(seed())
                .clock(clock)
                .communityRequestsPerSecond(10_000)
                .userRequestsPerSecond(10_000);
    }
}
