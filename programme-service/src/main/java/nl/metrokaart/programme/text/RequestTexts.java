package nl.metrokaart.programme.text;

import nl.metrokaart.platform.language.LocalizedBundles;

/** The message bundles of programme-service in the language of the current request (Content-Language says which). */
public final class RequestTexts {

    private RequestTexts() {
    }

    public static ProblemMessages problems() {
        return LocalizedBundles.forRequest(ProblemMessages.class);
    }
}
