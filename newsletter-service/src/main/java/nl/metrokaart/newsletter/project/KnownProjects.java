package nl.metrokaart.newsletter.project;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Query port of the projects and milestones this service knows from programme-service, for the other features. */
@ApplicationScoped
public class KnownProjects {

    public Optional<KnownProject> byCode(String code) {
        return KnownProject.<KnownProject>find("code", code).firstResultOptional();
    }

    /** The projects of the programme (every known project without one), by code. */
    public List<KnownProject> ofProgramme(UUID programmeId) {
        return programmeId == null ? KnownProject.list("order by code")
                : KnownProject.list("programmeId = ?1 order by code", programmeId);
    }

    public List<KnownProject> all() {
        return KnownProject.listAll();
    }

    /** Every known key milestone, in no particular order. */
    public List<KnownMilestone> keyMilestones() {
        return KnownMilestone.list("key = true");
    }

    /** Open key milestones due from {@code first} to {@code last} (both included), by due date and title. */
    public List<KnownMilestone> openKeyMilestonesDue(LocalDate first, LocalDate last) {
        return KnownMilestone.list("key = true and achievedDate is null and status = 'open' and dueDate >= ?1 "
                + "and dueDate <= ?2 order by dueDate, title", first, last);
    }
}
