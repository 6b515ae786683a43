package nl.metrokaart.programme.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Project", description = "A project of the programme: a station on its metro line.")
public record ProjectResponse(
        UUID id,
        UUID programmeId,
        String code,
        String name,
        String description,
        String line,
        @Schema(description = "1 is the highest priority; unique and gap-free within the programme.") int priorityRank,
        ProjectStatus status,
        @Schema(format = "date") LocalDate plannedStartDate,
        @Schema(format = "date") LocalDate plannedEndDate,
        @Schema(format = "date") LocalDate statutoryDeadline,
        @Schema(description = "Budget in euros, exact to the cent.") BigDecimal budget,
        String owner,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static ProjectResponse of(Project p) {
        return new ProjectResponse(p.id, p.programmeId, p.code, p.name, p.description, p.line, p.priorityRank,
                p.status, p.plannedStartDate, p.plannedEndDate, p.statutoryDeadline, p.budget, p.owner, p.version,
                p.createdAt, p.updatedAt);
    }
}
