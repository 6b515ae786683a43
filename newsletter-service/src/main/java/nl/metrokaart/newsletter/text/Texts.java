package nl.metrokaart.newsletter.text;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text newsletter-service writes for people, as a Qute type-safe message bundle. The templates live in
 * {@code messages/msg_nl.properties} (Dutch, the default) and {@code messages/msg_en.properties}; a key in one file
 * only fails {@code TextsTest}. Obtain the bundle of a language from {@link Translations}.
 */
@MessageBundle(value = "msg", locale = "nl")
public interface Texts {

    // --- names and values ---
    String projectStatus(String status);

    String implementationStatus(String status);

    String decidingBody(String body);

    String audience(String audience);

    String aProject();

    String anotherProject();

    // --- activity sentences (the activity feed, mails, newsletters) ---
    String projectCreated(String project);

    String projectChanged(String project);

    String projectStatusChanged(String project, String from, String to, String explanation);

    String projectPriorityChanged(String project, String from, String to);

    String milestoneScheduled(String milestone, boolean key, String project, String date);

    String milestoneRescheduled(String milestone, boolean key, String project, String date);

    String milestoneAchieved(String milestone, boolean key, String project, String date);

    String milestoneMissed(String milestone, boolean key, String project, String date);

    String dependencyWaits(String project, String predecessor);

    String dependencyInfluences(String project, String predecessor);

    String dependencyRemoved(String project, String predecessor);

    String participation(String municipality, boolean participates, String project, String status);

    String variantChoiceUniform(String municipality, String project);

    String variantChoiceVariant(String municipality, String variant, String project);

    String decisionUniform(String body, String project);

    String decisionVariantsAllowed(String body, String project);

    String allocationKeyEqual(String project);

    String allocationKeyByInhabitants(String project);

    String allocationKeyWeighted(String project, String percent);

    String costAllocationUnpaid(String project, String budget);

    String costAllocationShared(String project, String budget, int payers);

    String otherEvent(String type, String project);

    String keyMilestoneDue(String milestone, String project, String date);

    // --- every mail ---
    String greeting(String name);

    String footerSubscription();

    String footerUnsubscribe(String url);

    // --- activity mails, digests, alerts ---
    String activityHappened(String when);

    String digestSubject(int count);

    String digestIntroduction();

    String alertMissedSubject(String milestone);

    String alertDueSubject(String date, String milestone);

    String alertDueText(String milestone, String project, String date);

    String alertFooter();

    // --- meetings ---
    String invitationSubject(String title);

    String invitationChangedSubject(String title);

    String invitationCancelledSubject(String title);

    String invitationOpening(String title);

    String invitationChangedOpening(String title);

    String invitationCancelledOpening(String title, String reason);

    String invitationClosing();

    String invitationCancelledClosing();

    String meetingWhen(String when);

    String meetingWhere(String location);

    String meetingAgenda();

    String meetingAudience(String audience);

    String meetingNoAgenda();

    // --- subscriptions ---
    String confirmationSubject();

    String confirmationText(String owner, String url);

    String unsubscribePageTitle();

    String unsubscribePageText(String email);

    String unsubscribePageButton();

    String unsubscribedTitle();

    String unsubscribedText(String email);

    String confirmPageTitle();

    String confirmPageText(String email);

    String confirmPageButton();

    String confirmedTitle();

    String confirmedText(String email);

    String linkNotValidTitle();

    String linkNotValidText();

    // --- newsletters ---
    String newsletterDefaultTitle(int number);

    String newsletterMasthead(int number);

    String newsletterPeriod(String from, String until);

    String newsletterDraft();

    String newsletterSubject(String title, int number);

    String newsletterEmptySection();

    String newsletterPublished(String when);

    String newsletterFooter();

    String sectionWhereWeStand();

    String sectionMetroMap();

    String sectionHighlights();

    String sectionRealisedProjects();

    String sectionMilestonesAchieved();

    String sectionMilestonesMissed();

    String sectionUpcomingKeyMilestones();

    String sectionUpcomingMeetings();

    String sectionDecisionsTaken();

    String sectionProgressPerMunicipality();

    String whereWeStandProjects(int projects, int realised, int inProgress);

    String whereWeStandKeyMilestones(int achieved, int missed, int due);

    String tableProject();

    String tableStatus();

    String tableKeyMilestones();

    String tableMilestoneCounts(int achieved, int total);

    String tableMunicipality();

    String tableTakesPart();

    String tableLive();

    String tableVariants();

    String tableActivities();

    String metroMapAlt();

    String metroMapCaption();

    String metroMapMissing();

    String meetingItem(String title, String when, String location);
}
