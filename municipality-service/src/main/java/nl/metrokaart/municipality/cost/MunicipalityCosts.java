package nl.metrokaart.municipality.cost;

import nl.metrokaart.municipality.municipality.Municipality;
import nl.metrokaart.platform.paging.Page;

/**
 * What one municipality pays: in all, and per project a page at a time (a keyset page, so already in its
 * representation, mapped where it is fetched).
 */
public record MunicipalityCosts(Municipality municipality, long totalCents, Page<MunicipalityCostsResponse.ProjectCost> projects) {
}
