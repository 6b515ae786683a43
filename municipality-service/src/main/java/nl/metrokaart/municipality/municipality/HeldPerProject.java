package nl.metrokaart.municipality.municipality;

import java.util.UUID;

/**
 * What a municipality holds at most once per project (its participation, its variant choice): identified in the
 * API by the project id below the municipality.
 */
public interface HeldPerProject {

    String municipalityCode();

    UUID projectId();
}
