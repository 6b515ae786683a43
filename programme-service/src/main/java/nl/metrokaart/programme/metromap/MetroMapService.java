package nl.metrokaart.programme.metromap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.platform.conditional.EntityTags;
import nl.metrokaart.platform.language.Language;
import nl.metrokaart.programme.text.Texts;
import nl.metrokaart.programme.dependency.Dependency;
import nl.metrokaart.programme.dependency.DependencyService;
import nl.metrokaart.programme.milestone.Milestone;
import nl.metrokaart.programme.milestone.MilestoneService;
import nl.metrokaart.programme.programme.Programme;
import nl.metrokaart.programme.programme.ProgrammeAnswers;
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

    @Inject
    ProgrammeAnswers answers;

    @Inject
    EntityTags entityTags;

    private MetroMap metroMap(UUID programmeId, LocalDate today) {
        Programme programme = programmes.get(programmeId);
        List<Project> projects = this.projects.ofProgramme(programmeId);
        List<Milestone> keyMilestones = milestones.keyMilestonesOfProgramme(programmeId);
        List<Dependency> dependencies = this.dependencies.withinProgramme(programmeId);
        return MetroMapLayout.layout(programme, projects, keyMilestones, dependencies, today);
    }

    /**
     * The map as the JSON a client receives and its ETag: computed and serialised once per change of the programme
     * and day (megabytes for a large programme), kept in {@link ProgrammeAnswers}.
     */
    public EntityTags.TaggedJson json(UUID programmeId) {
        LocalDate today = LocalDate.now(clock);
        return answers.get(programmeId, "metro-map json " + today,
                () -> entityTags.tagged(metroMap(programmeId, today)), tagged -> tagged.json().length);
    }

    /** The map as SVG in UTF-8, its texts in the given language; kept like {@link #json}. */
    public byte[] svg(UUID programmeId, Language language) {
        LocalDate today = LocalDate.now(clock);
        return answers.get(programmeId, "metro-map svg " + language.tag() + " " + today,
                () -> MetroMapSvg.write(metroMap(programmeId, today), Texts.of(language))
                        .getBytes(StandardCharsets.UTF_8),
                svg -> svg.length);
    }
}
