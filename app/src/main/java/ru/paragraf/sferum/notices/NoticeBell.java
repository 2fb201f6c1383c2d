package ru.paragraf.sferum.notices;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.accounts.CurrentUser;

/**
 * The bell in every page's header: the layout asks {@code @noticeBell.count(currentUser)} for how many open notices
 * the person has not read (public for the template's bean reference, not for other modules).
 */
@Component("noticeBell")
public class NoticeBell {

    private final Notices notices;

    NoticeBell(Notices notices) {
        this.notices = notices;
    }

    public int count(@Nullable CurrentUser user) {
        var audience = user == null ? null : Audience.of(user);
        return audience == null ? 0 : notices.unread(audience, user.accountId());
    }
}
