package ru.paragraf.sferum.linkbase;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.secrets.SecretBox;

/**
 * Verifies the valid rows of hand-down previews with Sferum (a MAX row with MAX) in the background, a few rows at a time
 * ({@code sferum.linkbase.handdown.parallelism}, on top of the VK client's own limits per token). Each row's verdict
 * is stored as it comes, so the page shows progress, and the preview is ready when no row is pending. A verification
 * whose node stopped is taken over by another node ({@link #resumeStalled}).
 */
@Component
class HanddownVerification {

    private static final Logger log = LoggerFactory.getLogger(HanddownVerification.class);

    private final Handdowns handdowns;
    private final CommunityVerifier verifier;
    private final BotVerifier bots;
    private final SchoolBots schoolBots;
    private final SecretBox box;
    private final LinkbaseTexts texts;
    private final LinkbaseProperties properties;
    private final Clock clock;
    private final ExecutorService workers;

    HanddownVerification(
            Handdowns handdowns,
            CommunityVerifier verifier,
            BotVerifier bots,
            SchoolBots schoolBots,
            SecretBox box,
            LinkbaseTexts texts,
            LinkbaseProperties properties,
            Clock clock) {
        this.handdowns = handdowns;
        this.verifier = verifier;
        this.bots = bots;
        this.schoolBots = schoolBots;
        this.box = box;
        this.texts = texts;
        this.properties = properties;
        this.clock = clock;
        var counter = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(properties.handdown().parallelism(), runnable -> {
            var thread = new Thread(runnable, "linkbase-verify-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues the preview's pending rows. */
    void start(UUID handdown) {
        var pending = handdowns.pendingRows(handdown);
        if (pending.isEmpty()) {
            handdowns.finishIfDone(handdown, OffsetDateTime.now(clock));
            return;
        }
        pending.forEach(row -> workers.execute(() -> verify(row)));
    }

    /** Takes over previews whose verification made no progress for a while; returns how many. */
    int resumeStalled() {
        var now = OffsetDateTime.now(clock);
        var stalled =
                handdowns.claimStalled(now, now.minus(properties.handdown().staleAfter()));
        stalled.forEach(this::start);
        return stalled.size();
    }

    private void verify(HanddownRow row) {
        try {
            if (row.max()) {
                verifyBot(row);
                return;
            }
            var communityId = row.communityId();
            var sealed = row.token();
            if (communityId == null || sealed == null) {
                return;
            }
            var token = new SferumToken(box.open(sealed, HanddownRow.tokenContext(row.handdownId(), row.line())));
            var verdict = verifier.verify(communityId, token);
            var now = OffsetDateTime.now(clock);
            if (verdict instanceof CommunityVerdict.Verified ok) {
                handdowns.recordRow(row, RowOutcome.VERIFIED, null, ok.communityName(), now);
            } else if (verdict instanceof CommunityVerdict.Rejected refused) {
                handdowns.recordRow(row, RowOutcome.ERROR, texts.reason(refused.reason()), null, now);
            } else {
                handdowns.recordRow(row, RowOutcome.UNVERIFIED, texts.get("linkbase.row.unreachable"), null, now);
            }
        } catch (RuntimeException e) {
            // the row stays pending; the preview is taken over once it stalls
            log.error("Verification of hand-down row {} failed", row, e);
        }
    }

    private void verifyBot(HanddownRow row) {
        var sealed = row.token();
        if (sealed == null) {
            return;
        }
        var token = new BotToken(box.open(sealed, HanddownRow.tokenContext(row.handdownId(), row.line())));
        var verdict = bots.verify(token);
        var now = OffsetDateTime.now(clock);
        if (verdict instanceof BotVerdict.Verified ok
                && row.organizationId() != null
                && schoolBots.otherHolderOf(ok.userId(), row.organizationId()).isPresent()) {
            handdowns.recordRow(
                    row, RowOutcome.ERROR, texts.get("linkbase.row.botTaken", "@" + ok.username()), null, now);
        } else if (verdict instanceof BotVerdict.Verified ok) {
            var name = texts.get("linkbase.row.bot", ok.name(), "@" + ok.username());
            handdowns.recordRow(row, RowOutcome.VERIFIED, null, name, ok, now);
        } else if (verdict instanceof BotVerdict.Rejected refused) {
            handdowns.recordRow(row, RowOutcome.ERROR, texts.reason(refused.reason()), null, now);
        } else {
            handdowns.recordRow(row, RowOutcome.UNVERIFIED, texts.get("linkbase.row.maxUnreachable"), null, now);
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
