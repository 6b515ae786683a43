package nl.metrokaart.platform.problem;

import jakarta.ws.rs.core.Response;

/** Standard titles and human-readable default details for problem responses that carry none of their own. */
final class Titles {

    private Titles() {
    }

    static String forStatus(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    static String detailForStatus(int status) {
        return switch (status) {
            case 400 -> "The request is malformed: check the syntax of the body, parameters and headers.";
            case 401 -> "A valid bearer token is required for this resource.";
            case 403 -> "The token does not grant access to this resource or action.";
            case 404 -> "The requested resource does not exist.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "None of the accepted media types can be produced for this resource.";
            case 409 -> "The request conflicts with the current state of the resource.";
            case 412 -> "The resource has changed since the given version (If-Match).";
            case 415 -> "The media type of the request body is not supported.";
            case 428 -> "This request must be conditional: send If-Match with the current ETag.";
            case 500 -> "An unexpected error occurred; it has been logged with the request id.";
            default -> forStatus(status) + ".";
        };
    }
}
