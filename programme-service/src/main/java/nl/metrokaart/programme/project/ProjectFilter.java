package nl.metrokaart.programme.project;

import io.quarkus.panache.common.Parameters;
import java.util.UUID;
import nl.metrokaart.platform.paging.KeysetPaging;

/** The list filters integrators and front offices use: programme, status, metro line. All optional. */
public record ProjectFilter(UUID programmeId, ProjectStatus status, String line) {

    /** The filter's conditions for a keyset page. */
    KeysetPaging.Where where() {
        return new KeysetPaging.Where().and("programmeId", programmeId).and("status", status).and("line", line);
    }

    /** Appends the filter's conditions to a Panache query and returns their parameters. */
    Parameters apply(StringBuilder query) {
        Parameters parameters = new Parameters();
        if (programmeId != null) {
            query.append(" and programmeId = :programmeId");
            parameters.and("programmeId", programmeId);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (line != null) {
            query.append(" and line = :line");
            parameters.and("line", line);
        }
        return parameters;
    }
}
