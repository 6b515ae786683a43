package nl.metrokaart.platform.conditional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A JSON GET answered from one serialisation gives what ConditionalGet gives: the same bytes, tag and 304. */
class EntityTagsConditionalJsonTest {

    record Station(String code, List<Integer> xs) {
    }

    private final ObjectMapper objectMapper = new ObjectMapper();
    private final EntityTags entityTags = new EntityTags();

    EntityTagsConditionalJsonTest() {
        entityTags.objectMapper = objectMapper;
    }

    @Test
    void answersTheSerialisedRepresentationWithItsTag() throws Exception {
        Station station = new Station("WION", List.of(1, 2, 3));
        Response response = entityTags.conditionalJson(station, MediaType.APPLICATION_JSON_TYPE, null);

        assertEquals(200, response.getStatus());
        assertArrayEquals(objectMapper.writeValueAsBytes(station), (byte[]) response.getEntity());
        assertEquals(entityTags.of(station), response.getHeaderString(HttpHeaders.ETAG));
        assertEquals(MediaType.APPLICATION_JSON_TYPE, response.getMediaType());
    }

    @Test
    void answers304WithoutABodyWhenIfNoneMatchListsTheTag() {
        Station station = new Station("DURP", List.of(4));
        String etag = entityTags.of(station);

        Response notModified = entityTags.conditionalJson(station, MediaType.APPLICATION_JSON_TYPE,
                "\"other\", " + etag);
        assertEquals(304, notModified.getStatus());
        assertNull(notModified.getEntity());
        assertEquals(etag, notModified.getHeaderString(HttpHeaders.ETAG));

        Response changed = entityTags.conditionalJson(new Station("DURP", List.of(5)), MediaType.APPLICATION_JSON_TYPE,
                etag);
        assertEquals(200, changed.getStatus());
    }
}
