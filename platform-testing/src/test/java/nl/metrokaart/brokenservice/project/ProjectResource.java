package nl.metrokaart.brokenservice.project;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.brokenservice.milestone.Milestone;

/** Wrong fixture: a resource that hands out another feature's entities. */
@Path("/projects")
public class ProjectResource {

    ProjectService projects;

    @GET
    public List<Milestone> milestones(UUID projectId) {
        return projects.openMilestones(projectId);
    }
}
