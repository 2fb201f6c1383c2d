package ru.paragraf.sferum.sync.max;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@link MaxUpdates.Poll} whose updates are read as JSON trees, so that the inbox stores each update as MAX sent it
 * (fields the typed {@link MaxUpdates.Update} does not know included) and reads the typed one from it.
 */
record MaxRawPoll(MaxUpdates.Poll poll) implements MaxRequest<MaxRawPoll.Batch> {

    record Batch(List<JsonNode> updates, @Nullable Long marker) {

        Batch {
            updates = updates == null ? List.of() : List.copyOf(updates);
        }
    }

    @Override
    public String verb() {
        return poll.verb();
    }

    @Override
    public String template() {
        return poll.template();
    }

    @Override
    public String path() {
        return poll.path();
    }

    @Override
    public Map<String, String> query() {
        return poll.query();
    }

    @Override
    public Class<Batch> responseType() {
        return Batch.class;
    }

    @Override
    public Duration heldFor() {
        return poll.heldFor();
    }
}
