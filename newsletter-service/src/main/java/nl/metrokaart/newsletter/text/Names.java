package nl.metrokaart.newsletter.text;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.UUID;
import nl.metrokaart.newsletter.municipality.MunicipalityKnowledge;
import nl.metrokaart.newsletter.project.KnownProject;
import nl.metrokaart.newsletter.project.KnownProjects;
import nl.metrokaart.newsletter.project.ProjectKnowledge;

/**
 * Names things as people do, from this service's read models: "Schoonhoven", not GM0610; "WION – Wet
 * informatie-uitwisseling ondergrondse netten", and a name that already starts with its code is not doubled.
 */
@ApplicationScoped
public class Names {

    @Inject
    ProjectKnowledge projects;

    @Inject
    KnownProjects knownProjects;

    @Inject
    MunicipalityKnowledge municipalities;

    /** "CODE – Name", or the name alone when it already starts with the code. */
    public static String project(String code, String name) {
        if (name == null || name.isBlank()) {
            return code;
        }
        if (code == null || name.toLowerCase(Locale.ROOT).startsWith(code.toLowerCase(Locale.ROOT))) {
            return name;
        }
        return code + " – " + name;
    }

    public static String project(KnownProject project) {
        return project(project.code, project.name);
    }

    /** The project as people name it; its code if that is all we know yet; otherwise "a project". */
    public String project(UUID id, String code, Texts texts) {
        return projects.project(id).map(Names::project).orElse(code != null ? code : texts.aProject());
    }

    /** A project by its code as people name it ("WION – Wet ..."); the code alone if it is not known here. */
    public String projectByCode(String code) {
        return knownProjects.byCode(code).map(Names::project).orElse(code);
    }

    /** The municipality's name; its CBS code only while its registration has not reached this service. */
    public String municipality(String code) {
        return municipalities.municipality(code).map(m -> m.name).orElse(code);
    }
}
