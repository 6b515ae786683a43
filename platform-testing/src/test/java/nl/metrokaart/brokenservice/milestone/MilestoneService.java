package nl.metrokaart.brokenservice.milestone;

import java.util.UUID;
import nl.metrokaart.brokenservice.project.Project;
import nl.metrokaart.brokenservice.project.ProjectService;

/** Wrong fixture: uses the project feature's service (which uses milestone: a cycle) and writes its entity. */
public class MilestoneService {

    ProjectService projects;

    public Milestone schedule(UUID projectId) {
        Project project = projects.get(projectId);
        project.code = project.code.toUpperCase();
        Milestone milestone = new Milestone();
        milestone.projectId = project.id;
        return milestone;
    }
}
