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
import nl.metrokaart.platform.testing.TestTokens;
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

    private static String meeting(String title, String audience, String location) {
        return """
                {"title":"%s","startsAt":"2031-04-14T14:00:00+02:00","endsAt":"2031-04-14T16:30:00+02:00",
                 "location":"%s","audience":"%s",
                 "agendaItems":[{"title":"Opening"},{"title":"Progress","projectCode":"WION"}]}""".formatted(title, location, audience);
    }

    private static String plan(String title, String audience) {
        return given().auth().oauth2(TestTokens.withRoles("pm", Roles.PROGRAMME_MANAGER)).contentType("application/json")
                .body(meeting(title, audience, "Town hall Schoonhoven"))
                .when().post("/api/v1/meetings").then().statusCode(201).extract().path("id");
    }

    /** The event of the attached iCalendar, whose method (and content type) must be {@code method}. */
    private static VEvent invitedEvent(MimeMessage invitation, String method) throws Exception {
        String attachment = Mails.attachment(invitation, "invitation.ics");
        assertNotNull(attachment, "invitation.ics attached");
        int typeStart = attachment.lastIndexOf("\n--content-type: ");
        assertThat(attachment.substring(typeStart).toLowerCase(), containsString("method=" + method.toLowerCase()));
        Calendar calendar = new CalendarBuilder().build(new StringReader(attachment.substring(0, typeStart)));
        assertEquals(method, calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        return calendar.<VEvent>getComponent("VEVENT").orElseThrow();
    }

    @Test
    void aCancelledMeetingSendsItsAudienceACalendarCancellation() throws Exception {
        String staff = address("staff-cancel");
        subscribe(staff, "staff", "key-milestones", null, "weekly-digest");
        String title = "Cancelled meeting " + UUID.randomUUID();
        String id = plan(title, "all-staff");
        String manager = TestTokens.withRoles("pm", Roles.PROGRAMME_MANAGER);
        String etag = given().auth().oauth2(manager).when().get("/api/v1/meetings/" + id).then().extract().header("ETag");
        given().auth().oauth2(manager).contentType("application/json").header("If-Match", etag)
                .body("{\"reason\": \"The steering committee meets in January instead.\"}")
                .when().post("/api/v1/meetings/" + id + "/cancellation").then().statusCode(200);
        relay.relay();

        Mails.awaitTo(staff, 2);
        MimeMessage cancellation = about(staff, title).stream()
                .filter(m -> Mails.subject(m).startsWith("[Metrokaart] Afgelast: ")).findFirst().orElseThrow();
        assertThat(Mails.content(cancellation), containsString("The steering committee meets in January instead."));
        VEvent event = invitedEvent(cancellation, "CANCEL");
        assertEquals(id + "@metrokaart", event.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals("CANCELLED", event.getProperty(Property.STATUS).orElseThrow().getValue());
        assertEquals("1", event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
    }

    @Test
    void aChangedMeetingSendsAnUpdatedInvitationForTheSameCalendarEvent() throws Exception {
        String secretary = address("sec-change");
        subscribe(secretary, "secretary", "key-milestones", null, "weekly-digest");
        String title = "Moved meeting " + UUID.randomUUID();
        String id = plan(title, "secretaries");
        String manager = TestTokens.withRoles("pm", Roles.PROGRAMME_MANAGER);
        String etag = given().auth().oauth2(manager).when().get("/api/v1/meetings/" + id).then().extract().header("ETag");
        given().auth().oauth2(manager).contentType("application/json").header("If-Match", etag)
                .body(meeting(title, "secretaries", "Town hall Bergambacht"))
                .when().put("/api/v1/meetings/" + id).then().statusCode(200);
        relay.relay();

        Mails.awaitTo(secretary, 2);
        List<MimeMessage> mails = about(secretary, title);
        assertEquals(2, mails.size());
        MimeMessage first = mails.stream().filter(m -> Mails.subject(m).startsWith("[Metrokaart] Uitnodiging: ")).findFirst().orElseThrow();
        MimeMessage update = mails.stream().filter(m -> Mails.subject(m).startsWith("[Metrokaart] Gewijzigde uitnodiging: "))
                .findFirst().orElseThrow();
        VEvent original = invitedEvent(first, "REQUEST");
        VEvent changed = invitedEvent(update, "REQUEST");
        assertEquals(original.getProperty(Property.UID).orElseThrow().getValue(), changed.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals("0", original.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertEquals("1", changed.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertEquals("Town hall Bergambacht", changed.getProperty(Property.LOCATION).orElseThrow().getValue());
        assertThat(Mails.content(update), containsString("is gewijzigd"));
    }

    @Test
    void invitationsGoToTheAudienceWithAnICalendarRequest() throws Exception {
        String secretary = address("sec");
        String steering = address("steer");
        String staff = address("staff");
        String english = address("sec-en");
        subscribe(secretary, "secretary", "key-milestones", null, "weekly-digest");
        subscribe(steering, "steering-committee-member", "key-milestones", null, "weekly-digest");
        subscribe(staff, "staff", "key-milestones", null, "weekly-digest");
        subscribe(english, "secretary", "key-milestones", null, "weekly-digest", "en");
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
        // The reader is invited by name, asked to answer; the organiser is the programme office.
        Property attendee = event.getProperty(Property.ATTENDEE).orElseThrow();
        assertEquals("mailto:" + secretary, attendee.getValue());
        assertEquals("TRUE", attendee.getParameter("RSVP").orElseThrow().getValue());
        assertEquals("NEEDS-ACTION", attendee.getParameter("PARTSTAT").orElseThrow().getValue());
        assertEquals("Subscriber " + secretary, attendee.getParameter("CN").orElseThrow().getValue());
        assertThat(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue(), containsString("Voor: de gemeentesecretarissen"));
        // Dutch, local time (12:00Z is 14:00 in Amsterdam in April).
        String text = Mails.content(invitation);
        assertThat(Mails.subject(invitation), containsString("[Metrokaart] Uitnodiging: " + secretaries));
        assertThat(text, containsString("Beste Subscriber " + secretary + ","));
        assertThat(text, containsString("Wanneer: maandag 14 april 2031, 14:00–16:30"));
        assertThat(text, containsString("2. Progress (WION)"));
        // English on request.
        MimeMessage inEnglish = Mails.awaitTo(english, 2).stream().filter(m -> Mails.subject(m).contains(secretaries)).findFirst().orElseThrow();
        assertThat(Mails.subject(inEnglish), containsString("[Metrokaart] Invitation: " + secretaries));
        assertThat(Mails.content(inEnglish), containsString("Dear Subscriber " + english + ","));
        assertThat(Mails.content(inEnglish), containsString("When: Monday 14 April 2031, 14:00–16:30"));
        assertThat(Mails.content(inEnglish), containsString("For: the municipal secretaries"));
    }
}
