package nl.metrokaart.newsletter.alert;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The clock that decides what "today" is for alerts and newsletters: Dutch calendar days (Europe/Amsterdam), not
 * the server's zone. A {@link DefaultBean}, so a test can replace it with one it shifts.
 */
@ApplicationScoped
public class ClockProducer {

    public static final ZoneId PROGRAMME_ZONE = ZoneId.of("Europe/Amsterdam");

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.system(PROGRAMME_ZONE);
    }
}
