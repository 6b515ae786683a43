package nl.metrokaart.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clock that decides what "today" is for planning, alerts and newsletters: calendar days of the programme's
 * time zone ({@code metrokaart.time-zone}, Europe/Amsterdam by default), since municipal staff work on Dutch
 * calendar days, not the server's. A {@link DefaultBean}, so a test or another producer can replace it without an
 * ambiguity.
 */
@ApplicationScoped
public class ClockProducer {

    /** The programme's time zone unless {@code metrokaart.time-zone} says otherwise. */
    public static final ZoneId PROGRAMME_ZONE = ZoneId.of("Europe/Amsterdam");

    @ConfigProperty(name = "metrokaart.time-zone", defaultValue = "Europe/Amsterdam")
    ZoneId zone;

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.system(zone);
    }
}
