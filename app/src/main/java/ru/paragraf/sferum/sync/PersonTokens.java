package ru.paragraf.sferum.sync;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.diary.PersonVkAccess;
import ru.paragraf.sferum.diary.VkAccess;
import ru.paragraf.sferum.diary.VkUserAccess;
import ru.paragraf.sferum.sync.messenger.UserAccess;

/**
 * People's own messenger tokens — teachers', pupils', parents' — from the diary, where each links their own VK ID:
 * a teacher's starts calls, and everyone's joins the subject chats by invite link, as VK allows only a user.
 */
@Component
class PersonTokens {

    private final PersonVkAccess access;

    PersonTokens(PersonVkAccess access) {
        this.access = access;
    }

    PersonToken of(UUID person) {
        return token(access.accessFor(person));
    }

    /**
     * The messenger refused this token of the person: refreshed once if VK ID still accepts the link, otherwise the
     * link is marked for re-linking (once, with one notice) and the person's token is missing from now on.
     */
    PersonToken rejected(UUID person, UserAccess refused) {
        return token(access.rejected(person, refused.token()));
    }

    private static PersonToken token(VkAccess granted) {
        if (granted instanceof VkUserAccess user) {
            return new PersonToken.Granted(new UserAccess(user.vkUserId(), user.accessToken()));
        }
        if (granted instanceof VkAccess.Unavailable) {
            return new PersonToken.Unavailable();
        }
        if (granted instanceof VkAccess.RelinkRequired) {
            return new PersonToken.Missing(Reason.RELINK);
        }
        return new PersonToken.Missing(Reason.NOT_LINKED);
    }

    /** Why a person has no token: the person has to act. */
    enum Reason {
        NOT_LINKED,
        RELINK;

        /** The Russian reason for a person of this role: {@code sync.problem.<role>NotLinked} / {@code …Relink}. */
        String key(MemberRole role) {
            var who =
                    switch (role) {
                        case TEACHER -> "teacher";
                        case PUPIL -> "pupil";
                        case PARENT -> "parent";
                    };
            return "sync.problem." + who + (this == NOT_LINKED ? "NotLinked" : "Relink");
        }
    }

    /** A person's token, or why there is none. */
    sealed interface PersonToken {

        /** The token given to {@code granted}, the reason to {@code missing}, or {@code unavailable}: every case. */
        <R> R fold(Function<UserAccess, R> granted, Function<Reason, R> missing, Supplier<R> unavailable);

        record Granted(UserAccess access) implements PersonToken {

            @Override
            public <R> R fold(Function<UserAccess, R> granted, Function<Reason, R> missing, Supplier<R> unavailable) {
                return granted.apply(access);
            }
        }

        /** The person has to act: link the VK ID, or link it again. */
        record Missing(Reason reason) implements PersonToken {

            @Override
            public <R> R fold(Function<UserAccess, R> granted, Function<Reason, R> missing, Supplier<R> unavailable) {
                return missing.apply(reason);
            }
        }

        /** VK ID did not answer; try again later. */
        record Unavailable() implements PersonToken {

            @Override
            public <R> R fold(Function<UserAccess, R> granted, Function<Reason, R> missing, Supplier<R> unavailable) {
                return unavailable.get();
            }
        }
    }
}
