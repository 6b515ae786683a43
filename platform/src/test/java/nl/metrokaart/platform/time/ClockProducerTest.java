package nl.metrokaart.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ClockProducerTest {

    @Test
    void theClockRunsInTheConfiguredZone() {
        ClockProducer producer = new ClockProducer();
        producer.zone = ClockProducer.PROGRAMME_ZONE;
        assertEquals(ZoneId.of("Europe/Amsterdam"), producer.clock().getZone());
        producer.zone = ZoneId.of("America/Curacao");
        assertEquals(ZoneId.of("America/Curacao"), producer.clock().getZone());
    }
}
