package ru.paragraf.sferum.sync;

import static ru.paragraf.sferum.sync.SqlNames.sql;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.paragraf.sferum.audit.AuditEntry;
import ru.paragraf.sferum.audit.AuditTrail;
import ru.paragraf.sferum.sync.max.MaxBotUpdate;
import ru.paragraf.sferum.sync.max.MaxMessages;
import ru.paragraf.sferum.sync.max.MaxUpdateHandler;

/**
 * Binds a chat made in MAX to a journal when someone sends the journal's adoption code in it: in the transaction that
 * handles the update, the code is used up, the ledger gets the chat ({@link ChatState#ACTIVE}, the bot as its
 * community) and {@link Action.AdoptChat} is queued, which renames the chat and greets it, or unbinds it again if the
 * bot is not an administrator. A wrong, used or expired code, or one of a journal that has a chat, gets an answer
 * in the chat and binds nothing; a code of another school is unknown here. Nothing else in a chat concerns it: the
 * bot being added binds nothing, and in a chat bound already only a real code is answered.
 */
@Component
class ChatAdoption implements MaxUpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(ChatAdoption.class);

    private static final String BIND = sql(
            """
            insert into sync.chat (organization_id, journal_id, academic_year_id, community_id, title, state, chat_id,
                                   created_at, updated_at)
            values (:organization, :journal, :year, :community, :title, {ChatState.ACTIVE}, :chatId, :now, :now)
            on conflict (organization_id, journal_id, academic_year_id) do update
                set community_id = excluded.community_id, title = excluded.title, state = excluded.state,
                    chat_id = excluded.chat_id, invite_link = null, chat_link = null, problem = null, problem_category = null,
                    lost_at = null, updated_at = excluded.updated_at
                where sync.chat.state not in ({ChatState.ACTIVE}, {ChatState.ARCHIVED}, {ChatState.CREATING})
            """);

    private static final String BOUND_TITLE =
            sql("select title from sync.chat where community_id = :community and chat_id = :chatId");

    private final ChatAdoptionCodes codes;
    private final AdoptedJournals journals;
    private final AdoptionQueue queue;
    private final OperationProblems texts;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    ChatAdoption(
            ChatAdoptionCodes codes,
            AdoptedJournals journals,
            AdoptionQueue queue,
            OperationProblems texts,
            AuditTrail audit,
            JdbcClient jdbc,
            Clock clock) {
        this.codes = codes;
        this.journals = journals;
        this.queue = queue;
        this.texts = texts;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void handle(MaxBotUpdate update) {
        var message = update.update().message();
        if (!"message_created".equals(update.update().updateType())
                || message == null
                || message.sender().isBot()
                || !"chat".equals(message.recipient().chatType())
                || message.recipient().chatId() == null) {
            return;
        }
        long chatId = message.recipient().chatId();
        var candidates = AdoptionCode.in(message.text());
        if (candidates.isEmpty()) {
            return;
        }
        var boundTo = boundTitle(update.botUserId(), chatId);
        var now = OffsetDateTime.now(clock);
        for (var code : candidates) {
            var stored = codes.lock(code)
                    .filter(it -> it.organization().equals(update.organizationId()))
                    .orElse(null);
            if (stored == null) {
                continue;
            }
            if (boundTo.isPresent()) {
                reply(update, chatId, texts.text("max.adoption.reply.chatBound", boundTo.get()));
            } else {
                use(update, message, stored, now);
            }
            return;
        }
        if (boundTo.isEmpty()) {
            reply(update, chatId, texts.text("max.adoption.reply.unknown"));
        }
    }

    private void use(
            MaxBotUpdate update, MaxMessages.Message message, ChatAdoptionCodes.Stored code, OffsetDateTime now) {
        long chatId = message.recipient().chatId();
        if (code.usedAt() != null) {
            reply(update, chatId, texts.text("max.adoption.reply.used"));
            return;
        }
        if (!code.expiresAt().isAfter(now)) {
            reply(update, chatId, texts.text("max.adoption.reply.expired"));
            return;
        }
        var journal = journals.find(code.organization(), code.journal()).orElse(null);
        if (journal == null || !journal.year().equals(code.year())) {
            reply(update, chatId, texts.text("max.adoption.reply.unknown"));
            return;
        }
        var bound = jdbc.sql(BIND)
                .param("organization", journal.organization())
                .param("journal", journal.id())
                .param("year", journal.year())
                .param("community", update.botUserId())
                .param("title", journal.title())
                .param("chatId", chatId)
                .param("now", now)
                .update();
        if (bound == 0) {
            reply(update, chatId, texts.text("max.adoption.reply.journalHasChat", journal.title()));
            return;
        }
        codes.markUsed(code.hash(), chatId, now);
        queue.adopt(journal.chat(), update.botUserId(), chatId);
        audit.record(
                new AuditEntry(null, journal.organization(), "MAX_CHAT_ADOPTED", "journal:" + journal.id(), Map.of())
                        .with("chat", chatId)
                        .with("title", journal.title())
                        .with("maxUser", message.sender().userId()));
        log.info(
                "MAX chat {} bound to journal {} of organization {} by MAX user {}",
                chatId,
                journal.id(),
                journal.organization(),
                message.sender().userId());
    }

    private Optional<String> boundTitle(long botUserId, long chatId) {
        return jdbc.sql(BOUND_TITLE)
                .param("community", botUserId)
                .param("chatId", chatId)
                .query(String.class)
                .optional();
    }

    private void reply(MaxBotUpdate update, long chatId, String text) {
        queue.reply(update.organizationId(), update.botUserId(), chatId, Long.toString(update.id()), text);
    }
}
