package nl.metrokaart.newsletter.alert;

import static nl.metrokaart.newsletter.TestEvents.milestone;
import static nl.metrokaart.newsletter.subscription.TestSubscriptions.address;
import static nl.metrokaart.newsletter.subscription.TestSubscriptions.subscribe;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.metrokaart.newsletter.ShiftableClock;
import nl.metrokaart.newsletter.TestEvents;
import nl.metrokaart.newsletter.mail.MailRelay;
import nl.metrokaart.newsletter.mail.Mails;
import org.junit.jupiter.api.Test;

/** Secretaries, and only they, are alerted once when a key milestone is missed and once when one is due soon. */
@QuarkusTest
class KeyMilestoneAlertsTest {

    @Inject
    KeyMilestoneAlerts alerts;

    @Inject
    MailRelay relay;

    @Inject
    Clock clock;

    @Inject
    ShiftableClock shiftableClock;

    private static List<MimeMessage> about(String address, String title) {
        return Mails.to(address).stream().filter(m -> Mails.subject(m).contains(title)).toList();
    }

    @Test
    void secretariesAreAlertedOnceAboutAMissedKeyMilestone() {
        String secretary = address("secretary");
        String staff = address("staff");
        subscribe(secretary, "secretary", "projects", "\"" + UUID.randomUUID() + "\"", "weekly-digest");
        subscribe(staff, "staff", "projects", "\"" + UUID.randomUUID() + "\"", "weekly-digest");
        UUID projectId = UUID.randomUUID();
        UUID milestoneId = UUID.randomUUID();
        String title = "Missed " + ThreadLocalRandom.current().nextInt(100000);
        String notKey = "Not key " + ThreadLocalRandom.current().nextInt(100000);
        try (TestEvents broker = new TestEvents()) {
            String data = milestone(milestoneId, projectId, title, "2026-01-05", null, true, "missed", 1);
            // A second event about the same missed milestone (e.g. republished) does not alert again.
            TestEvents.awaitActivities(List.of(
                    broker.programme("milestone-missed", projectId, data, Instant.now()),
                    broker.programme("milestone-missed", projectId, data, Instant.now()),
                    broker.programme("milestone-missed", projectId, milestone(UUID.randomUUID(), projectId, notKey, "2026-01-05",
                            null, false, "missed", 1), Instant.now())));
        }
        relay.relay();
        List<MimeMessage> received = Mails.awaitTo(secretary, 1);
        assertEquals(1, about(secretary, title).size());
        assertThat(Mails.subject(received.get(0)), containsString("Kernmijlpaal niet gehaald: " + title));
        assertEquals(0, about(secretary, notKey).size(), "only key milestones");
        assertEquals(0, Mails.to(staff).size(), "only secretaries");
    }

    @Test
    void secretariesAreAlertedOnceAboutAKeyMilestoneDueWithinTheConfiguredDays() {
        String secretary = address("due");
        String english = address("due-en");
        subscribe(secretary, "secretary", "projects", "\"" + UUID.randomUUID() + "\"", "weekly-digest");
        subscribe(english, "secretary", "projects", "\"" + UUID.randomUUID() + "\"", "weekly-digest", "en");
        UUID projectId = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        String soon = "Soon " + ThreadLocalRandom.current().nextInt(100000);
        String later = "Later " + ThreadLocalRandom.current().nextInt(100000);
        String achieved = "Achieved " + ThreadLocalRandom.current().nextInt(100000);
        try (TestEvents broker = new TestEvents()) {
            TestEvents.awaitActivities(List.of(
                    broker.programme("milestone-scheduled", projectId, milestone(UUID.randomUUID(), projectId, soon,
                            today.plusDays(14).toString(), null, true, "open", 0), Instant.now()),
                    broker.programme("milestone-scheduled", projectId, milestone(UUID.randomUUID(), projectId, later,
                            today.plusDays(15).toString(), null, true, "open", 0), Instant.now()),
                    broker.programme("milestone-achieved", projectId, milestone(UUID.randomUUID(), projectId, achieved,
                            today.plusDays(3).toString(), today.toString(), true, "achieved", 1), Instant.now())));
        }
        alerts.checkDueMilestones();
        alerts.checkDueMilestones();
        relay.relay();
        List<MimeMessage> due = Mails.awaitTo(secretary, 1);
        assertEquals(1, about(secretary, soon).size());
        LocalDate dueDate = today.plusDays(14);
        assertThat(Mails.subject(due.get(0)), containsString("Kernmijlpaal op "
                + DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl")).format(dueDate) + ": " + soon));
        assertThat(Mails.subject(Mails.awaitTo(english, 1).get(0)), containsString("Key milestone due on "
                + DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(dueDate) + ": " + soon));
        assertEquals(0, about(secretary, later).size());
        assertEquals(0, about(secretary, achieved).size());
    }

    @Test
    void todayComesFromTheInjectedClock() {
        String secretary = address("shifted");
        subscribe(secretary, "secretary", "projects", "\"" + UUID.randomUUID() + "\"", "weekly-digest");
        UUID projectId = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        String farAway = "Far away " + ThreadLocalRandom.current().nextInt(100000);
        try (TestEvents broker = new TestEvents()) {
            TestEvents.awaitActivities(List.of(broker.programme("milestone-scheduled", projectId, milestone(UUID.randomUUID(),
                    projectId, farAway, today.plusDays(400).toString(), null, true, "open", 0), Instant.now())));
        }
        alerts.checkDueMilestones();
        relay.relay();
        assertEquals(0, about(secretary, farAway).size(), "not due yet");
        try {
            shiftableClock.shift(Duration.ofDays(390));
            alerts.checkDueMilestones();
        } finally {
            shiftableClock.reset();
        }
        relay.relay();
        Mails.awaitTo(secretary, 1);
        assertEquals(1, about(secretary, farAway).size());
    }
}
