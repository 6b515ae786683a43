package nl.metrokaart.municipality.decision;

import java.util.List;
import java.util.UUID;

/**
 * Query port of the decision rules: a uniform decision may not overrule a municipality's own variant. The variant
 * feature answers it, so that decision does not depend on variant (which depends on decision).
 */
public interface OwnVariants {

    /** CBS codes of the municipalities that keep an own variant for the project, sorted. */
    List<String> municipalitiesWithVariant(UUID projectId);
}
