package nl.metrokaart.newsletter.subscription;

import static nl.metrokaart.newsletter.TestEvents.milestone;
import static nl.metrokaart.newsletter.TestEvents.project;
import static nl.metrokaart.newsletter.subscription.TestSubscriptions.address;
import static nl.metrokaart.newsletter.subscription.TestSubscriptions.subscribe;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
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
        assertThat(Mails.subject(about(everything, code).get(0)), containsString("Project " + code + " Mail project was proposed."));
        assertEquals(2, about(followsProject, code).size());
        List<MimeMessage> key = Mails.awaitTo(keyMilestones, 1);
        assertEquals(1, about(keyMilestones, code).size(), "only the key milestone");
        assertThat(Mails.subject(key.get(0)), containsString("Key milestone 'Key date " + code + "'"));
        assertEquals(0, about(otherProjectOnly, code).size());
        assertEquals(0, Mails.to(digest).size(), "digest subscribers get no per-event mail");
        assertEquals(2, toEverything.stream().filter(m -> Mails.recipients(m).size() == 1).count());

        activityMails.sendWeeklyDigests();
        relay.relay();
        List<MimeMessage> digests = Mails.awaitTo(digest, 1);
        assertEquals(1, digests.size());
        assertThat(Mails.subject(digests.get(0)), containsString("Weekly digest: 2 activities"));
        assertThat(Mails.content(digests.get(0)), containsString("Project " + code + " Mail project was proposed."));
        assertThat(Mails.content(digests.get(0)), containsString("Key date " + code));
        assertThat(Mails.content(digests.get(0)), not(containsString("Dear Subscriber " + digestOther)));
        assertEquals(0, Mails.to(digestOther).size(), "nothing followed, no digest");

        // The next digest covers only what happened since: nothing new, nothing sent.
        activityMails.sendWeeklyDigests();
        relay.relay();
        assertEquals(1, Mails.to(digest).size());
    }
}
