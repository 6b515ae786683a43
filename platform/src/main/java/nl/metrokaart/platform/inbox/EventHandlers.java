package nl.metrokaart.platform.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one consumer does with each event type it understands: the typed consumer every service writes. The data of
 * an event is bound to the given record (owned by the consuming service, mirroring the publisher's AsyncAPI schema;
 * its constructor refuses what the consumer cannot use), so no handler reads JSON field by field; data that does not
 * bind makes the event invalid, for the dead-letter topic. Types not registered are skipped by the inbox.
 */
public final class EventHandlers {

    /** Handles one event; runs in the inbox transaction, so its changes commit together with the dedupe mark. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(ReceivedEvent event, T data);
    }

    record Registration<T>(Class<T> dataType, Handler<T> handler) {
    }

    private final Map<String, Registration<?>> byType = new LinkedHashMap<>();

    public static EventHandlers create() {
        return new EventHandlers();
    }

    public <T extends Record> EventHandlers on(String type, Class<T> dataType, Handler<T> handler) {
        if (!dataType.isRecord()) {
            throw new IllegalArgumentException("Event data of " + type + " binds to a record, not " + dataType.getName());
        }
        if (byType.putIfAbsent(type, new Registration<>(dataType, handler)) != null) {
            throw new IllegalArgumentException("Two handlers for event type " + type);
        }
        return this;
    }

    Optional<Registration<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
