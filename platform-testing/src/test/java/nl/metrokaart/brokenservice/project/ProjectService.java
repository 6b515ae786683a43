package nl.metrokaart.brokenservice.project;

import java.util.List;
import java.util.UUID;
import nl.metrokaart.brokenservice.milestone.Milestone;
import nl.metrokaart.brokenservice.milestone.MilestoneRepository;
import nl.metrokaart.otherservice.OtherServiceThing;

/** Wrong fixture: reaches into the milestone feature's persistence and into another service. */
public class ProjectService {

    MilestoneRepository milestones;

    public Project get(UUID id) {
        return Project.findById(id);
    }

    public List<Milestone> openMilestones(UUID projectId) {
        return Milestone.list("projectId = ?1 and achieved = false", projectId);
    }

    public String otherService() {
        return OtherServiceThing.name();
    }
}
