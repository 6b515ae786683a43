package nl.metrokaart.programme.metromap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.language.Language;
import nl.metrokaart.programme.text.Texts;
import nl.metrokaart.programme.dependency.Dependency;
import nl.metrokaart.programme.dependency.DependencyService;
import nl.metrokaart.programme.milestone.Milestone;
import nl.metrokaart.programme.milestone.MilestoneService;
import nl.metrokaart.programme.programme.Programme;
import nl.metrokaart.programme.programme.ProgrammeService;
import nl.metrokaart.programme.project.Project;
import nl.metrokaart.programme.project.ProjectService;

/** Gathers a programme's projects, key milestones and dependencies and lays them out as a metro map. */
@ApplicationScoped
public class MetroMapService {

    @Inject
    ProgrammeService programmes;

    @Inject
    ProjectService projects;

    @Inject
    MilestoneService milestones;

    @Inject
    DependencyService dependencies;

    @Inject
    Clock clock;

    public MetroMap metroMap(UUID programmeId) {
        Programme programme = programmes.get(programmeId);
        List<Project> projects = this.projects.ofProgramme(programmeId);
        List<UUID> ids = projects.stream().map(p -> p.id).toList();
        List<Milestone> keyMilestones = milestones.keyMilestonesOf(ids);
        // Both ends inside the programme: a dependency on another programme's project has no station here.
        List<Dependency> dependencies = this.dependencies.among(ids);
        return MetroMapLayout.layout(programme, projects, keyMilestones, dependencies, LocalDate.now(clock));
    }

    /** The map as SVG, its texts in the given language. */
    public String svg(UUID programmeId, Language language) {
        return MetroMapSvg.write(metroMap(programmeId), Texts.of(language));
    }
}
