package nl.metrokaart.newsletter.text;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The problem details and {@code invalidParams} reasons newsletter-service writes, as a Qute type-safe message
 * bundle: {@code messages/problem_nl.properties} (Dutch, the default) and {@code messages/problem_en.properties};
 * a key in one file only fails {@code ServiceConventionsTest}. Obtain it with {@link RequestTexts#problems()}.
 * The platform's own texts are in its problems bundle; texts for mails and pages are in {@link Texts}.
 */
@MessageBundle(value = "problem", locale = "nl")
public interface ProblemMessages {

    String activityNotFound(Object id);

    String meetingNotFound(Object id);

    String meetingCancelled(Object id, Object cancelledAt);

    String newsletterNotFound(Object id);

    String newsletterPublished(int number, Object publishedAt, boolean again);

    String subscriptionNotFound(Object id);

    String subscriptionExists(String email);

    String subscriptionsLimit(long held);

    String pendingLimit(long limit);

    String webhookNotFound(Object id);

    String unknownEventTypes(String unknown, String allowed);

    String verificationRefused(String type, boolean logged);

    String callbackNotAUrl();

    String callbackScheme();

    String callbackUserInfo();

    String callbackHost();

    String callbackFragment();

    String callbackUnresolvable();

    /** {@code kind} says why the address is not public, in English only (e.g. "a loopback address"). */
    String callbackNotPublic(String address, String kind);

    String municipalityCodeFormat();

    String mustBeUuid();

    String untilBeforeFrom();
}
