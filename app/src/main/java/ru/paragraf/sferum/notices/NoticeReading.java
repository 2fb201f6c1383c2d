package ru.paragraf.sferum.notices;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import ru.paragraf.sferum.accounts.CurrentUser;

/** What the page and the API do for the person: their notices, marking them read, their mail setting. */
@Service
class NoticeReading {

    private final Notices notices;
    private final MailSettings settings;
    private final NoticeTexts texts;
    private final Clock clock;

    NoticeReading(Notices notices, MailSettings settings, NoticeTexts texts, Clock clock) {
        this.notices = notices;
        this.settings = settings;
        this.texts = texts;
        this.clock = clock;
    }

    List<NoticeView> of(CurrentUser user) {
        var audience = Audience.of(user);
        if (audience == null) {
            return List.of();
        }
        return notices.of(audience, user.accountId()).stream().map(this::view).toList();
    }

    int unread(CurrentUser user) {
        var audience = Audience.of(user);
        return audience == null ? 0 : notices.unread(audience, user.accountId());
    }

    /** Marks the person's notice read; false if they have no such notice. */
    boolean markRead(CurrentUser user, UUID notice) {
        var audience = Audience.of(user);
        return audience != null && notices.markRead(audience, user.accountId(), notice);
    }

    void markAllRead(CurrentUser user) {
        var audience = Audience.of(user);
        if (audience != null) {
            notices.markAllRead(audience, user.accountId());
        }
    }

    MailSetting mail(CurrentUser user) {
        return settings.of(user.accountId());
    }

    /** Saves the person's mail setting; the address is checked ({@link MailAddress}). */
    void saveMail(CurrentUser user, MailSetting setting) {
        settings.save(user.accountId(), Audience.of(user), setting);
    }

    private NoticeView view(Notice notice) {
        return new NoticeView(
                notice.id(),
                notice.kind().name(),
                texts.text(notice),
                notice.link(),
                notice.occurrences(),
                notice.createdAt().atZoneSameInstant(clock.getZone()),
                notice.closedAt() == null ? null : notice.closedAt().atZoneSameInstant(clock.getZone()),
                notice.kind().fixable(),
                notice.read());
    }
}
