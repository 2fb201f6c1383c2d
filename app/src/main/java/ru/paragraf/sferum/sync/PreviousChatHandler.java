package ru.paragraf.sferum.sync;

import static ru.paragraf.sferum.sync.SqlNames.sql;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.linkbase.MessengerMoves;
import ru.paragraf.sferum.sync.messenger.CommunityAccess;
import ru.paragraf.sferum.sync.messenger.Problem;

/**
 * Posts the closing message in a journal's previous chat ({@link Action.ClosePreviousChat}): routed by that chat's
 * messenger, not the school's current one, with the account the link base kept for it (the VK community of a school
 * that moved to MAX), and with that messenger's dedupe key from the journal and the chat, so a retry never posts
 * twice; the ledger marks the chat closed with the operation's end, so it is never planned again.
 */
@Component
class PreviousChatHandler {

    private static final String FACTS = sql(
            """
            select p.messenger, p.chat_id as previous_chat_id, p.closed_at, c.title,
                   coalesce(c.chat_link, c.invite_link) as invite_link
            from sync.previous_chat p
            join sync.organization so on so.organization_id = p.organization_id and p.messenger <> so.messenger
            join sync.chat c on c.organization_id = p.organization_id and c.journal_id = p.journal_id
                            and c.academic_year_id = p.academic_year_id and c.state = {ChatState.ACTIVE}
            where p.organization_id = :organization and p.journal_id = :journal and p.academic_year_id = :year
            """);

    private record Facts(
            String messenger,
            long previousChatId,
            @Nullable OffsetDateTime closedAt,
            String title,
            @Nullable String inviteLink) {}

    private final JdbcClient jdbc;
    private final Messengers messengers;
    private final MessengerMoves moves;
    private final OperationProblems problems;

    PreviousChatHandler(JdbcClient jdbc, Messengers messengers, MessengerMoves moves, OperationProblems problems) {
        this.jdbc = jdbc;
        this.messengers = messengers;
        this.moves = moves;
        this.problems = problems;
    }

    Completion close(Action.ClosePreviousChat action) {
        var key = action.chat();
        var facts = jdbc.sql(FACTS)
                .param("organization", key.organization())
                .param("journal", key.journal())
                .param("year", key.year())
                .query(Facts.class)
                .optional()
                .orElse(null);
        if (facts == null || facts.closedAt() != null) {
            return Completion.done();
        }
        var messenger = Messenger.valueOf(facts.messenger());
        if (messenger != Messenger.VK) {
            // the engine keeps a school's MAX chats bound when it moves back, and says nothing in them
            return Completion.done(new LedgerChange.PreviousChatClosed(key));
        }
        var kept = moves.keptCommunityOf(key.organization()).orElse(null);
        if (kept == null) {
            return problems.failed(problems.text("sync.move.noKeptCommunity"), null, null);
        }
        var access = new CommunityAccess(kept.communityId(), kept.token().value());
        var where = facts.inviteLink() != null
                ? problems.text("sync.move.closing.link", facts.title(), facts.inviteLink())
                : problems.text("sync.move.closing.title", facts.title());
        var dedupe =
                Announcements.dedupeKey("close:" + key.journal() + ":" + key.year() + ":" + facts.previousChatId());
        return messengers
                .provider(messenger)
                .post(access, facts.previousChatId(), dedupe, where)
                .fold(
                        posted -> Completion.done(new LedgerChange.PreviousChatClosed(key)),
                        problem -> problem.kind() == Problem.Kind.CREDENTIALS
                                // the kept community's token refused: the school's work on MAX is not paused for it
                                ? problems.failed(problems.text("sync.move.keptRefused"), null, null)
                                : problems.of(problem, null, null));
    }
}
