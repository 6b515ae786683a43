package nl.metrokaart.platform.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import nl.metrokaart.platform.readmodel.ReadModels.Applied;
import org.junit.jupiter.api.Test;

class ReadModelsTest {

    /** A copy that remembers being persisted instead of needing a database. */
    static final class Copy extends SourceCopy {
        String name;
        int persisted;

        @Override
        public void persist() {
            persisted++;
        }
    }

    @Test
    void aFirstEventCreatesAndPersistsTheCopyWithItsVersion() {
        Copy made = new Copy();
        assertEquals(Applied.CREATED, ReadModels.applyIfNewer(null, 3, () -> made, c -> c.name = "Zaakgericht werken"));
        assertEquals("Zaakgericht werken", made.name);
        assertEquals(3, made.sourceVersion);
        assertEquals(1, made.persisted);
    }

    @Test
    void aNewerEventOverwritesTheCopyWithoutPersistingItAgain() {
        Copy current = copy("old", 1);
        assertEquals(Applied.UPDATED, ReadModels.applyIfNewer(current, 2, Copy::new, c -> c.name = "new"));
        assertEquals("new", current.name);
        assertEquals(2, current.sourceVersion);
        assertEquals(0, current.persisted);
    }

    @Test
    void aRepeatedOrOlderEventChangesNothing() {
        Copy current = copy("kept", 5);
        for (long version : new long[] {5, 4, 0}) {
            Applied applied = ReadModels.applyIfNewer(current, version, () -> {
                throw new AssertionError("no new copy for a stale event");
            }, c -> c.name = "lost");
            assertSame(Applied.STALE, applied);
            assertEquals(false, applied.changed());
        }
        assertEquals("kept", current.name);
        assertEquals(5, current.sourceVersion);
    }

    @Test
    void versionZeroIsAVersionLikeAnyOther() {
        Copy made = new Copy();
        assertNull(made.name);
        assertEquals(Applied.CREATED, ReadModels.applyIfNewer(null, 0, () -> made, c -> c.name = "first"));
        assertEquals(0, made.sourceVersion);
        assertEquals(Applied.STALE, ReadModels.applyIfNewer(made, 0, Copy::new, c -> c.name = "again"));
        assertEquals("first", made.name);
    }

    private static Copy copy(String name, long version) {
        Copy copy = new Copy();
        copy.name = name;
        copy.sourceVersion = version;
        return copy;
    }
}
