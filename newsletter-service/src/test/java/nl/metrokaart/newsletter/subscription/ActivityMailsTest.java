package nl.metrokaart.newsletter.subscription;

import static nl.metrokaart.newsletter.TestEvents.milestone;
import static nl.metrokaart.newsletter.TestEvents.project;
import static nl.metrokaart.newsletter.subscription.TestSubscriptions.address;
import static nl.metrokaart.newsletter.subscription.TestSubscriptions.subscribe;
import static org.hamcrest.MatcherAssert.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import nl.metrokaart.platform.testing.TestTokens;
import nl.metrokaart.platform.security.Roles;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.metrokaart.newsletter.TestEvents;
import nl.metrokaart.newsletter.mail.MailRelay;
import nl.metrokaart.newsletter.mail.Mails;
import org.junit.jupiter.api.Test;

/** Per-event e-mails and weekly digests, received by a real SMTP server, reach exactly the subscribers who follow. */
@QuarkusTest
class ActivityMailsTest {

    @Inject
    ActivityMails activityMails;

    @Inject
    MailRelay relay;

    private static List<MimeMessage> about(String address, String code) {
        return Mails.to(address).stream().filter(m -> Mails.subject(m).contains(code) || Mails.content(m).contains(code)).toList();
    }

    @Test
    void perEventMailsGoToTheSubscribersWhoFollowAndDigestsCollectTheRest() {
        UUID projectId = UUID.randomUUID();
        UUID otherProject = UUID.randomUUID();
        String code = "PE-" + ThreadLocalRandom.current().nextInt(1000, 9999);
        String everything = address("everything");
        String followsProject = address("project");
        String keyMilestones = address("key");
        String otherProjectOnly = address("other");
        String digest = address("digest");
        String digestOther = address("digestother");
        subscribe(everything, "staff", "everything", null, "per-event");
        subscribe(followsProject, "staff", "projects", "\"" + projectId + "\"", "per-event");
        subscribe(keyMilestones, "staff", "key-milestones", null, "per-event");
        subscribe(otherProjectOnly, "staff", "projects", "\"" + otherProject + "\"", "per-event");
        subscribe(digest, "staff", "projects", "\"" + projectId + "\"", "weekly-digest");
        subscribe(digestOther, "staff", "projects", "\"" + otherProject + "\"", "weekly-digest");

        try (TestEvents broker = new TestEvents()) {
            TestEvents.awaitActivities(List.of(
                    broker.programme("project-created", projectId, project(projectId, code, "Mail project", "proposed", 0), Instant.now()),
                    broker.programme("milestone-missed", projectId, milestone(UUID.randomUUID(), projectId, "Key date " + code,
                            "2026-01-05", null, true, "missed", 1), Instant.now())));
        }
        relay.relay();

        List<MimeMessage> toEverything = Mails.awaitTo(everything, 2);
        assertEquals(2, about(everything, code).size());
        assertThat(Mails.subject(about(everything, code).get(0)), containsString("Project " + code + " – Mail project is voorgesteld."));
        assertEquals(2, about(followsProject, code).size());
        List<MimeMessage> key = Mails.awaitTo(keyMilestones, 1);
        assertEquals(1, about(keyMilestones, code).size(), "only the key milestone");
        assertThat(Mails.subject(key.get(0)), containsString("Kernmijlpaal ‘Key date " + code + "’"));
        assertEquals(0, about(otherProjectOnly, code).size());
        assertEquals(0, Mails.to(digest).size(), "digest subscribers get no per-event mail");
        assertEquals(2, toEverything.stream().filter(m -> Mails.recipients(m).size() == 1).count());

        activityMails.sendWeeklyDigests();
        relay.relay();
        List<MimeMessage> digests = Mails.awaitTo(digest, 1);
        assertEquals(1, digests.size());
        assertThat(Mails.subject(digests.get(0)), containsString("Weekoverzicht: 2 gebeurtenissen"));
        assertThat(Mails.content(digests.get(0)), containsString("Beste Subscriber " + digest + ","));
        assertThat(Mails.content(digests.get(0)), containsString("Project " + code + " – Mail project is voorgesteld."));
        assertThat(Mails.content(digests.get(0)), containsString("Key date " + code));
        assertThat(Mails.content(digests.get(0)), not(containsString("Subscriber " + digestOther)));
        assertEquals(0, Mails.to(digestOther).size(), "nothing followed, no digest");

        // The next digest covers only what happened since: nothing new, nothing sent.
        activityMails.sendWeeklyDigests();
        relay.relay();
        assertEquals(1, Mails.to(digest).size());

        // Every mail can end its subscription in one click (RFC 8058), through the link it carries.
        MimeMessage mail = about(everything, code).get(0);
        assertThat(Mails.content(mail), containsString("Afmelden: http"));
        assertEquals("List-Unsubscribe=One-Click", header(mail, "List-Unsubscribe-Post"));
        String link = header(mail, "List-Unsubscribe");
        assertThat(link, startsWith("<https://metrokaart.test/api/v1/unsubscriptions?key="));
        String linkKey = link.substring(link.indexOf("key=") + 4, link.length() - 1);
        given().queryParam("key", linkKey).when().get("/api/v1/unsubscriptions")
                .then().statusCode(200).contentType(containsString("text/html")).header("Content-Language", "nl")
                .body(containsString(everything));
        assertEquals(1, subscriptions(everything), "looking at the page changes nothing");
        given().queryParam("key", linkKey).contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .when().post("/api/v1/unsubscriptions").then().statusCode(200).body(containsString("U bent afgemeld"));
        assertEquals(0, subscriptions(everything));
        given().queryParam("key", linkKey).when().post("/api/v1/unsubscriptions").then().statusCode(404);
    }

    private static long subscriptions(String owner) {
        return given().auth().oauth2(TestTokens.withRoles(owner, Roles.SECRETARY)).when().get("/api/v1/subscriptions")
                .then().statusCode(200).extract().<List<?>>path("items").size();
    }

    private static String header(MimeMessage mail, String name) {
        try {
            String value = mail.getHeader(name, null);
            return value == null ? null : jakarta.mail.internet.MimeUtility.unfold(value);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
