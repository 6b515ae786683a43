package nl.metrokaart.programme.text;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The problem details and {@code invalidParams} reasons programme-service writes, as a Qute type-safe message
 * bundle: {@code messages/problem_nl.properties} (Dutch, the default) and {@code messages/problem_en.properties};
 * a key in one file only fails {@code ServiceConventionsTest}. Obtain it with {@link RequestTexts#problems()}.
 * The platform's own texts are in its problems bundle.
 */
@MessageBundle(value = "problem", locale = "nl")
public interface ProblemMessages {

    // --- programmes and metro lines ---
    String programmeNotFound(Object id);

    String noProgramme();

    String linesStillUsed(String lines);

    String notALine(String lines);

    // --- projects ---
    String projectNotFound(Object id);

    String projectOtherProgramme(Object programmeId);

    String codeTaken(String code);

    String codeTakenBy(String code, Object projectId);

    String codeReason();

    String statusNotAllowed(String project, String from, String to, String allowed);

    String statusFinal(String project, String from, String to);

    String cannotStart(String project, String blocking, boolean one);

    String openKeyMilestones(String project, String milestones);

    String statusChangeNotFound(Object changeId, Object projectId);

    String cursorWithChangedSince();

    String prioritiesIncomplete(String reasons);

    String prioritiesMissing(String ids);

    String prioritiesUnknown(String ids);

    String prioritiesTwice(String ids);

    // --- milestones and dependencies ---
    String milestoneWindow(long years, Object earliest, Object latest);

    String milestoneNotFound(Object projectId, Object milestoneId);

    String selfDependency();

    String predecessorUnknown();

    String predecessorOtherProgramme(String predecessor);

    String dependencyExists(String project, String type, String predecessor);

    String dependencyCycle(String predecessor, String project, String cycle);

    String dependencyNotFound(Object projectId, Object dependencyId);

    // --- calendar feeds ---
    String feedNotFound(Object id);

    String feedExpired(Object expiresAt);

    String calendarUnavailable();
}
