package nl.metrokaart.wrong;

import jakarta.persistence.AttributeConverter;

/**
 * Deliberately wrong classes, as a service might write them, for {@code PlatformConcernsRules}' own tests. They live
 * outside {@code nl.metrokaart.platform}, as a service's classes do, because the rules exempt the platform itself.
 */
public final class PlatformConcernFixtures {

    private PlatformConcernFixtures() {
    }

    public static final class ProjectCursor {
    }

    public static final class MailBackoff {
    }

    public static final class ClockProducer {
    }

    public static final class StatusConverter implements AttributeConverter<Thread.State, String> {
        @Override
        public String convertToDatabaseColumn(Thread.State state) {
            return state.name();
        }

        @Override
        public Thread.State convertToEntityAttribute(String value) {
            return Thread.State.valueOf(value);
        }
    }
}
