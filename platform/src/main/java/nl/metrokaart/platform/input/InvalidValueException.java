package nl.metrokaart.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value of the right type that breaks an {@link InputBounds} rule. Jackson adds the path of the field as
 * the exception travels out, so the problem names the field with {@link #reason()}; the value itself is not
 * repeated (it may hold the control characters it is refused for).
 */
public class InvalidValueException extends MismatchedInputException {

    private final String reason;

    public InvalidValueException(JsonParser parser, String reason) {
        super(parser, reason, (Class<?>) null);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
