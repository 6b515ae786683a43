package nl.metrokaart.newsletter.mail;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.newsletter.subscription.TestSubscriptions.address;
import static nl.metrokaart.newsletter.subscription.TestSubscriptions.subscribe;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import nl.metrokaart.infra.testing.TestTokens;
import nl.metrokaart.platform.security.Roles;
import org.junit.jupiter.api.Test;

/** Meeting invitations reach the meeting's audience with the meeting as a parseable iCalendar request. */
@QuarkusTest
class MeetingInvitationsTest {

    @Inject
    MailRelay relay;

    private static List<MimeMessage> about(String address, String title) {
        return Mails.to(address).stream().filter(m -> Mails.subject(m).contains(title)).toList();
    }

    private static void plan(String title, String audience) {
        given().auth().oauth2(TestTokens.withRoles("pm", Roles.PROGRAMME_MANAGER)).contentType("application/json")
                .body("""
                        {"title":"%s","startsAt":"2031-04-14T14:00:00+02:00","endsAt":"2031-04-14T16:30:00+02:00",
                         "location":"Town hall Schoonhoven","audience":"%s",
                         "agendaItems":[{"title":"Opening"},{"title":"Progress","projectCode":"WION"}]}""".formatted(title, audience))
                .when().post("/api/v1/meetings").then().statusCode(201);
    }

    @Test
    void invitationsGoToTheAudienceWithAnICalendarRequest() throws Exception {
        String secretary = address("sec");
        String steering = address("steer");
        String staff = address("staff");
        subscribe(secretary, "secretary", "key-milestones", null, "weekly-digest");
        subscribe(steering, "steering-committee-member", "key-milestones", null, "weekly-digest");
        subscribe(staff, "staff", "key-milestones", null, "weekly-digest");
        String secretaries = "Secretaries " + UUID.randomUUID();
        String everyone = "Everyone " + UUID.randomUUID();
        plan(secretaries, "secretaries");
        plan(everyone, "all-staff");
        relay.relay();

        Mails.awaitTo(secretary, 2);
        Mails.awaitTo(steering, 1);
        Mails.awaitTo(staff, 1);
        assertEquals(1, about(secretary, secretaries).size());
        assertEquals(0, about(steering, secretaries).size());
        assertEquals(0, about(staff, secretaries).size());
        for (String address : List.of(secretary, steering, staff)) {
            assertEquals(1, about(address, everyone).size(), address);
        }

        MimeMessage invitation = about(secretary, secretaries).get(0);
        String attachment = Mails.attachment(invitation, "invitation.ics");
        assertNotNull(attachment, "invitation.ics attached");
        String contentType = attachment.substring(attachment.lastIndexOf("--content-type: ") + 16);
        assertThat(contentType.toLowerCase(), containsString("text/calendar"));
        assertThat(contentType.toLowerCase(), containsString("method=request"));
        String ics = attachment.substring(0, attachment.lastIndexOf("\n--content-type: "));
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertEquals("REQUEST", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertEquals(secretaries, event.getProperty(Property.SUMMARY).orElseThrow().getValue());
        assertEquals("Town hall Schoonhoven", event.getProperty(Property.LOCATION).orElseThrow().getValue());
        assertEquals("20310414T120000Z", event.getProperty(Property.DTSTART).orElseThrow().getValue());
        assertEquals("20310414T143000Z", event.getProperty(Property.DTEND).orElseThrow().getValue());
        assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue(), containsString("mailto:"));
        assertThat(Mails.content(invitation), containsString("2. Progress (WION)"));
    }
}
