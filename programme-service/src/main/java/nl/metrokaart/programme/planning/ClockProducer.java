package nl.metrokaart.programme.planning;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The clock that decides what "today" is for the planning and the metro map. Municipal secretaries work on Dutch
 * calendar days, so the zone is Europe/Amsterdam rather than the server's. A {@link DefaultBean}, so that a test or
 * another producer can replace it without an ambiguity.
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
