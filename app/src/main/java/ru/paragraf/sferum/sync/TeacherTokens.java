package ru.paragraf.sferum.sync;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.diary.PersonVkAccess;
import ru.paragraf.sferum.diary.VkAccess;
import ru.paragraf.sferum.diary.VkUserAccess;
import ru.paragraf.sferum.sync.messenger.UserAccess;

/** Teachers' own messenger tokens, from the diary where teachers link their VK ID. */
@Component
class TeacherTokens {

    private final PersonVkAccess access;

    TeacherTokens(PersonVkAccess access) {
        this.access = access;
    }

    TeacherToken of(UUID employee) {
        return token(access.accessFor(employee));
    }

    /**
     * The messenger refused this token of the teacher: refreshed once if VK ID still accepts the link, otherwise the
     * link is marked for re-linking (once, with one notice) and the teacher's token is missing from now on.
     */
    TeacherToken rejected(UUID employee, UserAccess refused) {
        return token(access.rejected(employee, refused.token()));
    }

    private static TeacherToken token(VkAccess granted) {
        if (granted instanceof VkUserAccess user) {
            return new TeacherToken.Granted(new UserAccess(user.vkUserId(), user.accessToken()));
        }
        if (granted instanceof VkAccess.Unavailable) {
            return new TeacherToken.Unavailable();
        }
        if (granted instanceof VkAccess.RelinkRequired) {
            return new TeacherToken.Missing("sync.problem.teacherRelink");
        }
        return new TeacherToken.Missing("sync.problem.teacherNotLinked");
    }

    /** A teacher's token, or why there is none. */
    sealed interface TeacherToken {

        /** The token given to {@code granted}, the reason to {@code missing}, or {@code unavailable}: every case. */
        <R> R fold(Function<UserAccess, R> granted, Function<String, R> missing, Supplier<R> unavailable);

        record Granted(UserAccess access) implements TeacherToken {

            @Override
            public <R> R fold(Function<UserAccess, R> granted, Function<String, R> missing, Supplier<R> unavailable) {
                return granted.apply(access);
            }
        }

        /** The teacher has to act: link the VK ID, or link it again. */
        record Missing(String reasonKey) implements TeacherToken {

            @Override
            public <R> R fold(Function<UserAccess, R> granted, Function<String, R> missing, Supplier<R> unavailable) {
                return missing.apply(reasonKey);
            }
        }

        /** VK ID did not answer; try again later. */
        record Unavailable() implements TeacherToken {

            @Override
            public <R> R fold(Function<UserAccess, R> granted, Function<String, R> missing, Supplier<R> unavailable) {
                return unavailable.get();
            }
        }
    }
}
