package nl.metrokaart.programme.programme;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers computed from the whole programme (its metro map, the impact of a slip), kept under the programme's
 * {@linkplain ProgrammeService#changeNumber change number} so that a large programme's answer is computed once per
 * change, not once per request. The number is read before the data: an answer is kept under a number it is at least
 * as new as, and any change (in this replica or another, by any writer) gives the next read a new number, so a read
 * after a write never gets the answer of before it. One answer per programme and kind (a newer number replaces the
 * older one), at most {@code metrokaart.programme-answers.max-bytes} in all (0: none kept).
 */
@ApplicationScoped
public class ProgrammeAnswers {

    private record Key(UUID programmeId, String kind) {
    }

    private record Answer(long changeNumber, Object value, int bytes) {
    }

    @Inject
    ProgrammeService programmes;

    /** Null when the bound is 0: every answer is computed afresh. */
    private final Cache<Key, Answer> answers;

    @Inject
    public ProgrammeAnswers(@ConfigProperty(name = "metrokaart.programme-answers.max-bytes") long maxBytes) {
        this.answers = maxBytes <= 0 ? null : Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key key, Answer answer) -> answer.bytes()).build();
    }

    /**
     * The answer of this kind for the programme as it is now: the kept one when the programme has not changed since
     * it was computed, else {@code compute}'s (then kept). {@code kind} names everything else the answer depends on
     * (representation, language, the day, the request's parameters); {@code bytes} its size, for the bound.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(UUID programmeId, String kind, Supplier<T> compute, ToIntFunction<T> bytes) {
        if (answers == null) {
            return compute.get();
        }
        OptionalLong changeNumber = programmes.changeNumber(programmeId);
        if (changeNumber.isEmpty()) {
            return compute.get();
        }
        long number = changeNumber.getAsLong();
        Key key = new Key(programmeId, kind);
        Answer kept = answers.getIfPresent(key);
        if (kept != null && kept.changeNumber() == number) {
            return (T) kept.value();
        }
        T value = compute.get();
        Answer computed = new Answer(number, value, bytes.applyAsInt(value));
        // A slower request that read an older number does not replace a newer answer.
        answers.asMap().merge(key, computed,
                (old, fresh) -> fresh.changeNumber() >= old.changeNumber() ? fresh : old);
        return value;
    }
}
