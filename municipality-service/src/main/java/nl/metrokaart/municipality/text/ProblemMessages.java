package nl.metrokaart.municipality.text;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The problem details and {@code invalidParams} reasons municipality-service writes, as a Qute type-safe message
 * bundle: {@code messages/problem_nl.properties} (Dutch, the default) and {@code messages/problem_en.properties};
 * a key in one file only fails {@code ServiceConventionsTest}. Obtain it with {@link RequestTexts#problems()}.
 * The platform's own texts are in its problems bundle.
 */
@MessageBundle(value = "problem", locale = "nl")
public interface ProblemMessages {

    // --- municipalities and who may change them ---
    String municipalityNotFound(String code);

    String municipalityExists(String code);

    String codeNotInPath();

    String notAMunicipality(String code);

    String onlyOwnCoordinator();

    String otherMunicipality(String own, String code);

    // --- projects, participations, variant choices, decisions ---
    String projectIdNotInPath();

    String unknownProject(Object id);

    String projectUnknownHere(Object projectId);

    String noRecord(String municipality, String what, Object projectId);

    String aParticipation();

    String aVariantChoice();

    String participationExists(String municipality, Object projectId);

    String notParticipating(String municipality, String project);

    String uniformDecided(String project, String body, Object decidedOn, Object decision, String link);

    String choiceMade(String municipality, String project);

    String variantsKept(String project, String municipalities, boolean one);

    String decisionNotFound(Object id);

    // --- costs ---
    String noAllocationKey(String project, Object projectId);

    String noKeyToMatch(Object projectId);

    String keyChosenConcurrently(Object projectId);

    String noCostAllocation(Object projectId);

    String weightRequired();

    String weightOnlyWeighted();

    // --- query parameters ---
    String mustBeUuid();
}
