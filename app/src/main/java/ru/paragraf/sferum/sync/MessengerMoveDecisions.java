package ru.paragraf.sferum.sync;

import static ru.paragraf.sferum.sync.SqlNames.sql;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.linkbase.MessengerMoves;
import ru.paragraf.sferum.linkbase.MoveCheck;

/**
 * «Перейти на MAX» and «Вернуться в VK» for a school, for its pages and the API: the preview (figures from the
 * ledger, the bot checked by MAX), the confirmation (the link base moves the credentials, {@link MessengerMove} the
 * ledger, in one transaction), and the move's progress per journal. Refusals are RFC 7807 problems with Russian
 * details.
 */
@Service
class MessengerMoveDecisions {

    private static final String PROBLEMS = "urn:sferum:problem:move:";

    private static final String CHATS_OF_ACCOUNT = sql(
            """
            select count(*) from sync.chat c
            join sync.organization so on so.organization_id = c.organization_id and c.community_id = so.community_id
            where c.organization_id = :organization and c.state = {ChatState.ACTIVE} and c.chat_id is not null
            """);

    private static final String KEPT_OF = sql(
            """
            select count(*) from sync.previous_chat p
            where p.organization_id = :organization and p.messenger = :messenger
              and (cast(:account as bigint) is null or p.community_id = :account)
            """);

    private static final String ACTIVE_CALLS =
            sql("select count(*) from sync.call where organization_id = :organization and state = {CallState.ACTIVE}");

    private static final String JOURNALS = sql(
            """
            select p.journal_id, c.title as current_title, p.title as previous_title,
                   (c.adopted_at is not null and c.community_id = so.community_id) as moved,
                   p.closed_at is not null as closed
            from sync.previous_chat p
            join sync.organization so on so.organization_id = p.organization_id and p.messenger <> so.messenger
            left join sync.chat c on c.organization_id = p.organization_id and c.journal_id = p.journal_id
                                 and c.academic_year_id = p.academic_year_id and c.state = {ChatState.ACTIVE}
            where p.organization_id = :organization
            order by p.title, p.journal_id
            """);

    private record JournalRow(
            UUID journalId, @Nullable String currentTitle, String previousTitle, boolean moved, boolean closed) {}

    private final SyncPreviewAccess access;
    private final MessengerMoves moves;
    private final OperationProblems texts;
    private final JdbcClient jdbc;

    MessengerMoveDecisions(SyncPreviewAccess access, MessengerMoves moves, OperationProblems texts, JdbcClient jdbc) {
        this.access = access;
        this.moves = moves;
        this.texts = texts;
        this.jdbc = jdbc;
    }

    MovePreview previewToMax(CurrentUser user, UUID organization, @Nullable String botToken) {
        var school = access.organization(user, organization).id();
        var check = refuseUnless(moves.checkMoveToMax(school, botToken));
        int chats = count(CHATS_OF_ACCOUNT, school);
        int restore = jdbc.sql(KEPT_OF)
                .param("organization", school)
                .param("messenger", Messenger.MAX.name())
                .param("account", check.botUserId())
                .query(Integer.class)
                .single();
        int calls = count(ACTIVE_CALLS, school);
        return new MovePreview(
                school,
                Messenger.MAX.name(),
                "@" + check.botUsername(),
                chats,
                restore,
                calls,
                List.of(
                        texts.text("sync.move.preview.chats", chats),
                        texts.text("sync.move.preview.adoption"),
                        texts.text("sync.move.preview.vkChats"),
                        texts.text("sync.move.preview.calls", calls),
                        texts.text("sync.move.preview.lessonLinks"),
                        texts.text("sync.move.preview.back")));
    }

    MoveView moveToMax(CurrentUser user, UUID organization, @Nullable String botToken) {
        var school = access.organization(user, organization).id();
        refuseUnless(moves.moveToMax(user, school, botToken));
        return view(school);
    }

    MovePreview previewBack(CurrentUser user, UUID organization) {
        var school = access.organization(user, organization).id();
        refuseUnless(moves.checkMoveBack(school));
        int chats = count(CHATS_OF_ACCOUNT, school);
        int restore = jdbc.sql(KEPT_OF)
                .param("organization", school)
                .param("messenger", Messenger.VK.name())
                .param("account", null)
                .query(Integer.class)
                .single();
        return new MovePreview(
                school,
                Messenger.VK.name(),
                null,
                chats,
                restore,
                0,
                List.of(
                        texts.text("sync.move.back.preview.vkChats", restore),
                        texts.text("sync.move.back.preview.maxChats", chats),
                        texts.text("sync.move.back.preview.bot")));
    }

    MoveView moveBack(CurrentUser user, UUID organization) {
        var school = access.organization(user, organization).id();
        refuseUnless(moves.moveBack(user, school));
        return view(school);
    }

    MoveView progress(CurrentUser user, UUID organization) {
        return view(access.organization(user, organization).id());
    }

    MoveView view(UUID organization) {
        var rows = jdbc.sql(JOURNALS)
                .param("organization", organization)
                .query(JournalRow.class)
                .list();
        var journals = rows.stream()
                .map(row -> new MoveView.Journal(
                        row.journalId(),
                        row.currentTitle() == null ? row.previousTitle() : row.currentTitle(),
                        row.moved() ? "MOVED" : "WAITING_FOR_ADOPTION",
                        texts.text(row.moved() ? "sync.move.journal.MOVED" : "sync.move.journal.WAITING_FOR_ADOPTION"),
                        row.closed()))
                .toList();
        int moved = (int) rows.stream().filter(JournalRow::moved).count();
        var messenger = moves.messengerOf(organization).orElse(null);
        return new MoveView(
                organization,
                messenger,
                moved,
                rows.size(),
                moves.checkMoveBack(organization).possible(),
                journals);
    }

    private int count(String statement, UUID organization) {
        return jdbc.sql(statement)
                .param("organization", organization)
                .query(Integer.class)
                .single();
    }

    private static MoveCheck refuseUnless(MoveCheck check) {
        if (check.possible()) {
            return check;
        }
        var refusal = check.refusal();
        var status =
                switch (refusal) {
                    case INVALID_TOKEN, TOKEN_REFUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
                    case MAX_UNREACHABLE -> HttpStatus.SERVICE_UNAVAILABLE;
                    case BOT_TAKEN, NOT_ON_VK, NOTHING_TO_MOVE_BACK, COMMUNITY_TAKEN -> HttpStatus.CONFLICT;
                };
        var problem = ProblemDetail.forStatusAndDetail(status, check.message());
        problem.setType(URI.create(PROBLEMS + refusal.name().toLowerCase().replace('_', '-')));
        problem.setTitle(check.message());
        problem.setProperty("reason", refusal.name());
        throw new ErrorResponseException(status, problem, null);
    }
}
