package nl.metrokaart.platform.paging;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.metrokaart.platform.input.InputBounds;
import nl.metrokaart.platform.problem.Problems;

/** Opaque cursors: the keyset position of the last item of a page, base64url-encoded. */
public final class Cursors {

    private Cursors() {
    }

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor the client got from us; anything else is a 400 naming the query parameter. */
    public static String decode(String cursor, String parameter) {
        String position;
        try {
            position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(parameter);
        }
        // What we hand out is printable; anything else must not reach a query.
        if (InputBounds.hasControlCharactersOrBreaks(position)) {
            throw invalid(parameter);
        }
        return position;
    }

    public static HttpProblem invalid(String parameter) {
        return Problems.invalidParameter(parameter, "query", "cursor.invalid");
    }
}
