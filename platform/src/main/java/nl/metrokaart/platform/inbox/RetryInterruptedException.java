package nl.metrokaart.platform.inbox;

/** The inbox stopped retrying a valid event because the instance shuts down; the record is read again later. */
public class RetryInterruptedException extends RuntimeException {

    RetryInterruptedException(InterruptedException cause) {
        super("Interrupted while waiting to retry an event", cause);
    }
}
