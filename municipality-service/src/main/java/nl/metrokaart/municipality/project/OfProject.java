package nl.metrokaart.municipality.project;

/**
 * Something this service holds about one project of the programme (a decision, a participation, a variant
 * choice) with the project's code as the read model knows it, null while the project is not yet known: what its
 * representation and its events show of it. A service returns it; the resource maps it to the DTO.
 */
public record OfProject<T>(T record, String projectCode) {
}
