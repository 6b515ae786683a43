package nl.metrokaart.brokenservice.milestone;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import java.util.UUID;

/** Wrong fixture: the milestone feature's repository. */
public class MilestoneRepository implements PanacheRepositoryBase<Milestone, UUID> {
}
