package nl.metrokaart.municipality.cost;

import java.util.List;
import nl.metrokaart.municipality.municipality.Municipality;
import nl.metrokaart.municipality.project.ProgrammeProject;

/**
 * A project's cost allocation with what it is shown with: the project, and every registered municipality by code
 * (the rows of a complete allocation, payers or not).
 */
public record ProjectCostAllocation(CostAllocation allocation, ProgrammeProject project, List<Municipality> municipalities) {
}
