package nl.metrokaart.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Applies {@link InputBounds} to every JSON body of every service by default: a text with control characters, a
 * date or time outside the date range, and a fraction for a whole number are refused while the body is read, as a
 * 400 naming the field ({@link InvalidValueException}), before any code or database sees them.
 */
@Singleton
public class BoundedJsonModule implements ObjectMapperCustomizer {

    @Override
    @SuppressWarnings("unchecked")
    public void customize(ObjectMapper objectMapper) {
        SimpleModule module = new SimpleModule("metrokaart-input-bounds");
        module.addDeserializer(String.class, new Bounded<>(StringDeserializer.instance,
                text -> !InputBounds.hasControlCharacters(text), InputBounds::controlReason));
        module.addDeserializer(LocalDate.class, new Bounded<>(LocalDateDeserializer.INSTANCE,
                InputBounds::within, InputBounds::dateReason));
        module.addDeserializer(OffsetDateTime.class, new Bounded<>(
                (JsonDeserializer<OffsetDateTime>) (JsonDeserializer<?>) InstantDeserializer.OFFSET_DATE_TIME,
                InputBounds::within, InputBounds::dateTimeReason));
        module.addDeserializer(Instant.class, new Bounded<>(InstantDeserializer.INSTANT, InputBounds::within, InputBounds::dateTimeReason));
        objectMapper.registerModule(module);
        // 1.5 for a whole number is a mistake to report, not a value to round.
        objectMapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    @Override
    public int priority() {
        // After Quarkus' own customizers (which register the JavaTimeModule), so these deserializers win.
        return MINIMUM_PRIORITY;
    }

    /** Jackson's own deserializer for the type, and a bound its value must keep. */
    static final class Bounded<T> extends JsonDeserializer<T> {
        private final JsonDeserializer<T> standard;
        private final Predicate<T> bound;
        private final Supplier<String> reason;

        /** {@code reason} is asked when a value breaks the bound, so it is in the language of that request. */
        Bounded(JsonDeserializer<T> standard, Predicate<T> bound, Supplier<String> reason) {
            this.standard = standard;
            this.bound = bound;
            this.reason = reason;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            T value = standard.deserialize(parser, context);
            if (value != null && !bound.test(value)) {
                throw new InvalidValueException(parser, reason.get());
            }
            return value;
        }
    }
}
