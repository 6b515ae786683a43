package nl.metrokaart.newsletter.text;

import nl.metrokaart.platform.language.LocalizedBundles;

/** The message bundles of newsletter-service in the language of the current request (Content-Language says which). */
public final class RequestTexts {

    private RequestTexts() {
    }

    public static ProblemMessages problems() {
        return LocalizedBundles.forRequest(ProblemMessages.class);
    }
}
