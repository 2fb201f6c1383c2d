package ru.paragraf.sferum.sync.max;

import org.springframework.stereotype.Component;
import ru.paragraf.sferum.linkbase.BotToken;
import ru.paragraf.sferum.linkbase.BotVerdict;
import ru.paragraf.sferum.linkbase.BotVerifier;
import ru.paragraf.sferum.linkbase.RejectionReason;
import ru.paragraf.sferum.sync.messenger.Problem;

/**
 * Verifies a school's MAX bot token with {@code GET /me} through the client (its rate limit and retries included):
 * the answer names the bot; 401 {@code verify.token} means the token is invalid; transient failures are {@link
 * BotVerdict.Unreachable}, never a verdict on the token.
 */
@Component
class MaxBotVerifier implements BotVerifier {

    private final MaxClient max;

    MaxBotVerifier(MaxClient max) {
        this.max = max;
    }

    @Override
    public BotVerdict verify(BotToken token) {
        MaxToken bot;
        try {
            bot = new MaxToken(token.value());
        } catch (IllegalArgumentException e) {
            return new BotVerdict.Rejected(RejectionReason.BOT_TOKEN_INVALID);
        }
        var outcome = max.call(bot, new MaxBots.GetMe());
        if (outcome instanceof MaxOutcome.Failed<MaxBots.BotInfo> failed) {
            var failure = failed.failure();
            if (failure.problem() == Problem.Kind.CREDENTIALS) {
                return new BotVerdict.Rejected(RejectionReason.BOT_TOKEN_INVALID);
            }
            if (failure.problem() == Problem.Kind.RETRY) {
                return new BotVerdict.Unreachable(failure.describe());
            }
            return new BotVerdict.Rejected(RejectionReason.BOT_ACCESS_DENIED);
        }
        var info = outcome.orThrow();
        if (!info.isBot() || info.username() == null || info.username().isBlank()) {
            return new BotVerdict.Rejected(RejectionReason.BOT_ACCESS_DENIED);
        }
        return new BotVerdict.Verified(info.userId(), info.displayName(), info.username());
    }
}
