package nl.metrokaart.newsletter.alert;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import nl.metrokaart.newsletter.text.ProgrammeTime;

/**
 * The clock that decides what "today" is for alerts and newsletters: calendar days of the programme's time zone
 * ({@code metrokaart.time-zone}, Europe/Amsterdam by default), not the server's. A {@link DefaultBean}, so a test
 * can replace it with one it shifts.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock(ProgrammeTime time) {
        return Clock.system(time.zone());
    }
}
