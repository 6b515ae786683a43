package nl.metrokaart.programme.metromap;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.metrokaart.programme.dependency.Dependency;
import nl.metrokaart.programme.dependency.DependencyType;
import nl.metrokaart.programme.milestone.Milestone;
import nl.metrokaart.programme.programme.Programme;
import nl.metrokaart.programme.project.Project;
import nl.metrokaart.programme.project.ProjectStatus;

/**
 * A programme like the demo's: three lines (themes), ten projects in every status, key milestones that are achieved,
 * overdue and upcoming as seen from {@code today}, and dependencies within and between lines. Ids derive from the
 * seed, so one seed always gives the same data (and so the same map).
 */
record DemoProgramme(Programme programme, List<Project> projects, List<Milestone> milestones,
        List<Dependency> dependencies) {

    static final Instant CREATED = Instant.parse("2024-01-02T09:00:00Z");

    static DemoProgramme create(String seed, LocalDate today) {
        int y0 = today.getYear() - 2;
        Programme programme = new Programme();
        programme.id = id(seed, "programme");
        programme.name = "EGEM Krimpenerwaard";
        programme.ambition = "One way of working for five municipalities.";
        programme.goals = List.of("Digital services", "One front office");
        programme.startDate = LocalDate.of(y0, 1, 1);
        programme.endDate = LocalDate.of(y0 + 3, 12, 31);
        programme.programmeManager = "Petra de Vries";
        programme.steeringCommittee = List.of(new Programme.CommitteeMember("J. Bakker", "GM0610", "Chair"));
        programme.lines = List.of(
                new Programme.MetroLine("key-registers", "Basisregistraties", "#E3001B"),
                new Programme.MetroLine("digital-services", "Digitale dienstverlening", "#0065BD"),
                new Programme.MetroLine("front-office", "Eén loket & KCC", "#009A44"));
        programme.createdAt = CREATED;
        programme.updatedAt = CREATED;

        DemoProgramme demo = new DemoProgramme(programme, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        demo.project(seed, "BAG", "Basisregistratie Adressen en Gebouwen", "key-registers", ProjectStatus.REALISED,
                LocalDate.of(y0, 2, 1), LocalDate.of(y0, 12, 20));
        demo.project(seed, "GBA", "Gemeentelijke basisadministratie", "key-registers", ProjectStatus.REALISED,
                LocalDate.of(y0, 4, 1), LocalDate.of(y0 + 1, 3, 31));
        demo.project(seed, "WOZ", "Waardering onroerende zaken", "key-registers", ProjectStatus.IN_PROGRESS,
                LocalDate.of(y0 + 1, 1, 15), LocalDate.of(y0 + 2, 10, 1));
        demo.project(seed, "BGT", "Basisregistratie grootschalige topografie", "key-registers", ProjectStatus.PLANNED,
                LocalDate.of(y0 + 2, 9, 1), LocalDate.of(y0 + 3, 9, 1));
        demo.project(seed, "DIGID", "DigiD-aansluiting", "digital-services", ProjectStatus.REALISED,
                LocalDate.of(y0, 3, 1), LocalDate.of(y0, 9, 30));
        demo.project(seed, "EFORM", "E-formulieren", "digital-services", ProjectStatus.IN_PROGRESS,
                LocalDate.of(y0, 10, 1), LocalDate.of(y0 + 2, 6, 30));
        demo.project(seed, "WABO", "Omgevingsvergunning online", "digital-services", ProjectStatus.AT_RISK,
                LocalDate.of(y0 + 1, 3, 1), LocalDate.of(y0 + 2, 12, 31));
        demo.project(seed, "PIP", "Persoonlijke internetpagina <MijnOverheid> & berichtenbox", "digital-services",
                ProjectStatus.PROPOSED, LocalDate.of(y0 + 3, 2, 1), LocalDate.of(y0 + 3, 12, 1));
        demo.project(seed, "KCC", "Klantcontactcentrum", "front-office", ProjectStatus.IN_PROGRESS,
                LocalDate.of(y0 + 1, 1, 1), LocalDate.of(y0 + 2, 12, 31));
        demo.project(seed, "ZAAK", "Zaakgericht werken", "front-office", ProjectStatus.ON_HOLD,
                LocalDate.of(y0 + 1, 6, 1), LocalDate.of(y0 + 3, 6, 30));
        demo.project(seed, "DMS", "Documentmanagement", "front-office", ProjectStatus.CANCELLED,
                LocalDate.of(y0 + 1, 9, 1), LocalDate.of(y0 + 2, 9, 1));
        demo.project(seed, "MIDO", "Midoffice-koppelingen", "front-office", ProjectStatus.PLANNED,
                LocalDate.of(y0 + 2, 11, 1), LocalDate.of(y0 + 3, 10, 1));

        demo.milestone(seed, "BAG", "Landelijke aansluiting BAG", LocalDate.of(y0, 11, 1), LocalDate.of(y0, 10, 28));
        demo.milestone(seed, "EFORM", "Eerste 20 formulieren live", LocalDate.of(y0 + 1, 5, 1), LocalDate.of(y0 + 1, 5, 3));
        demo.milestone(seed, "WOZ", "Taxatieverslagen gereed", today.minusDays(20), null);
        demo.milestone(seed, "ZAAK", "Zaaksysteem gekozen", today.minusDays(75), null);
        demo.milestone(seed, "WABO", "Go-live omgevingsloket", today.plusDays(40), null);
        demo.milestone(seed, "KCC", "KCC open voor publiek", today.plusDays(120), null);
        demo.milestone(seed, "BGT", "BGT bijgehouden in eigen beheer", LocalDate.of(y0 + 3, 6, 1), null);
        demo.milestone(seed, "KCC", "Werkinstructies (geen sleutelmijlpaal)", today.plusDays(10), null).key = false;

        demo.dependency(seed, "GBA", "KCC", DependencyType.MUST_FINISH_BEFORE, 0);
        demo.dependency(seed, "BAG", "WOZ", DependencyType.MUST_FINISH_BEFORE, 30);
        demo.dependency(seed, "DIGID", "EFORM", DependencyType.MUST_FINISH_BEFORE, 0);
        demo.dependency(seed, "EFORM", "ZAAK", DependencyType.INFLUENCES, 0);
        demo.dependency(seed, "KCC", "MIDO", DependencyType.MUST_FINISH_BEFORE, 14);
        demo.dependency(seed, "WOZ", "PIP", DependencyType.INFLUENCES, 0);
        return demo;
    }

    /** Stores the programme with everything on it, committed, so the service under test sees it. */
    void persist() {
        QuarkusTransaction.requiringNew().run(() -> {
            programme.persist();
            projects.forEach(p -> p.persist());
            // Flush the projects first: milestones and dependencies reference them.
            Project.flush();
            milestones.forEach(m -> m.persist());
            dependencies.forEach(d -> d.persist());
        });
    }

    Project project(String code) {
        return projects.stream().filter(p -> p.code.equals(code)).findFirst().orElseThrow();
    }

    List<Milestone> keyMilestones() {
        return milestones.stream().filter(m -> m.key).toList();
    }

    private void project(String seed, String code, String name, String line, ProjectStatus status, LocalDate start,
            LocalDate end) {
        Project project = new Project();
        project.id = id(seed, "project-" + code);
        project.programmeId = programme.id;
        project.code = code;
        project.name = name;
        project.description = name + ".";
        project.line = line;
        project.priorityRank = projects.size() + 1;
        project.status = status;
        project.plannedStartDate = start;
        project.plannedEndDate = end;
        project.budget = new BigDecimal("250000.00");
        project.owner = "Programmabureau";
        project.changeSeq = projects.size() + 1;
        project.createdAt = CREATED;
        project.updatedAt = CREATED;
        projects.add(project);
    }

    private Milestone milestone(String seed, String projectCode, String title, LocalDate due, LocalDate achieved) {
        Milestone milestone = new Milestone();
        milestone.id = id(seed, "milestone-" + title);
        milestone.projectId = project(projectCode).id;
        milestone.title = title;
        milestone.dueDate = due;
        milestone.achievedDate = achieved;
        milestone.key = true;
        milestone.createdAt = CREATED;
        milestone.updatedAt = CREATED.plusSeconds(3600L * milestones.size());
        milestones.add(milestone);
        return milestone;
    }

    private void dependency(String seed, String predecessor, String dependent, DependencyType type, int lagDays) {
        Dependency dependency = new Dependency();
        dependency.id = id(seed, "dependency-" + predecessor + "-" + dependent);
        dependency.predecessorId = project(predecessor).id;
        dependency.projectId = project(dependent).id;
        dependency.type = type;
        dependency.lagDays = lagDays;
        dependency.explanation = predecessor + " before " + dependent;
        dependency.createdAt = CREATED;
        dependencies.add(dependency);
    }

    static UUID id(String seed, String name) {
        return UUID.nameUUIDFromBytes((seed + "/" + name).getBytes(StandardCharsets.UTF_8));
    }
}
