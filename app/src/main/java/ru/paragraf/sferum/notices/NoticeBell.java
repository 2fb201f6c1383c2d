package ru.paragraf.sferum.notices;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
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

    /** The count; 0 without a person or an audience, and when the database cannot say (an error page still shows). */
    public int count(@Nullable CurrentUser user) {
        var audience = user == null ? null : Audience.of(user);
        if (audience == null) {
            return 0;
        }
        try {
            return notices.unread(audience, user.accountId());
        } catch (DataAccessException unavailable) {
            return 0;
        }
    }
}
