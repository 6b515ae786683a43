package nl.metrokaart.platform.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one consumer does with each event type it understands. The data of an event is bound to the given
 * class (an event contract owned by the consuming service); types not registered are skipped by the inbox.
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

    public <T> EventHandlers on(String type, Class<T> dataType, Handler<T> handler) {
        if (byType.putIfAbsent(type, new Registration<>(dataType, handler)) != null) {
            throw new IllegalArgumentException("Two handlers for event type " + type);
        }
        return this;
    }

    Optional<Registration<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
