package nl.metrokaart.platform.readmodel;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Applies an event's state to a read model, the one way every consumer does: the copy is created when it is not
 * there yet, overwritten only by a higher source version, and left alone by an older or repeated event (at-least-once
 * delivery, replays). Runs in the caller's (the inbox's) transaction.
 *
 * <pre>
 * ReadModels.applyIfNewer(KnownProject.findById(data.id()), data.version(), () -&gt; new KnownProject(data.id()),
 *         copy -&gt; copy.name = data.name());
 * </pre>
 */
public final class ReadModels {

    /** What applying an event did to the copy. */
    public enum Applied {
        /** There was no copy: one was made and persisted. */
        CREATED,
        /** The event was newer than the copy, which now shows it. */
        UPDATED,
        /** The copy already showed this or a newer version: nothing changed. */
        STALE;

        public boolean changed() {
            return this != STALE;
        }
    }

    private ReadModels() {
    }

    /**
     * Brings {@code current} (null when the read model has no copy yet) to the source's {@code version}: {@code create}
     * makes a new copy (with its id), {@code update} writes the event's state onto the new or existing copy; the
     * version is recorded and a new copy persisted here.
     */
    public static <C extends SourceCopy> Applied applyIfNewer(C current, long version, Supplier<C> create,
            Consumer<? super C> update) {
        if (current != null && version <= current.sourceVersion) {
            return Applied.STALE;
        }
        C copy = current != null ? current : create.get();
        update.accept(copy);
        copy.sourceVersion = version;
        if (current == null) {
            copy.persist();
            return Applied.CREATED;
        }
        return Applied.UPDATED;
    }
}
