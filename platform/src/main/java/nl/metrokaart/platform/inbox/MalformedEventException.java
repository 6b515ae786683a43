package nl.metrokaart.platform.inbox;

/**
 * A record that is not a usable CloudEvent: required attributes missing, data not JSON, or data that does not
 * fit the type's schema. Thrown out of the consumer so the record goes to the channel's dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
