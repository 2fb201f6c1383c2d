package ru.paragraf.sferum.linkbase;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organizations' verified MAX bots, for the sync module's updates inbox: which bots there are (without tokens), and
 * one bot's token opened when it is about to be called.
 */
@Component
public class VerifiedBots {

    /** A verified MAX bot of an organization; no secret. */
    public record Bot(UUID organization, long botUserId) {}

    private final JdbcClient jdbc;
    private final SchoolBots bots;

    VerifiedBots(JdbcClient jdbc, SchoolBots bots) {
        this.jdbc = jdbc;
        this.bots = bots;
    }

    public List<Bot> all() {
        return jdbc.sql(
                        """
                        select organization_id, bot_user_id from linkbase.sferum_community
                        where messenger = 'MAX' and state = 'VERIFIED' and bot_user_id is not null
                        order by bot_user_id""")
                .query((rs, row) -> new Bot(rs.getObject("organization_id", UUID.class), rs.getLong("bot_user_id")))
                .list();
    }

    /**
     * Whether the bot is the organization's MAX bot, whatever the verdict on its token now: a bot replaced by another
     * or removed is not, nor is one of a school that went back to VK.
     */
    public boolean isBotOf(UUID organization, long botUserId) {
        return jdbc.sql(
                        """
                        select exists (select 1 from linkbase.sferum_community
                                       where organization_id = :organization and messenger = 'MAX'
                                         and bot_user_id = :bot)""")
                .param("organization", organization)
                .param("bot", botUserId)
                .query(Boolean.class)
                .single();
    }

    /** The bot's token, opened, if the organization still has this bot verified. */
    @Transactional(readOnly = true)
    public Optional<BotToken> token(Bot bot) {
        return bots.find(bot.organization())
                .filter(stored -> stored.state() == VerificationState.VERIFIED)
                .filter(stored -> Long.valueOf(bot.botUserId()).equals(stored.botUserId()))
                .map(bots::opened);
    }
}
