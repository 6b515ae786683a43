package nl.metrokaart.newsletter.municipality;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.metrokaart.platform.inbox.MalformedEventException;

/**
 * Keeps {@link KnownMunicipality} from municipality-service's municipality-registered and municipality-changed
 * events. Events may come twice or out of order: a copy is only replaced by a higher version.
 */
@ApplicationScoped
public class MunicipalityKnowledge {

    public static final String REGISTERED = "nl.metrokaart.municipality.municipality-registered";
    public static final String CHANGED = "nl.metrokaart.municipality.municipality-changed";

    private static final Pattern CBS_CODE = Pattern.compile("^GM\\d{4}$");

    @Transactional(Transactional.TxType.MANDATORY)
    public void municipality(JsonNode data) {
        String code = text(data, "code");
        if (!CBS_CODE.matcher(code).matches()) {
            throw new MalformedEventException("code is not a CBS municipality code");
        }
        JsonNode version = data.get("version");
        if (version == null || !version.canConvertToLong()) {
            throw new MalformedEventException("Event data lacks version");
        }
        KnownMunicipality known = KnownMunicipality.findById(code);
        if (known != null && version.asLong() <= known.sourceVersion) {
            return;
        }
        boolean isNew = known == null;
        if (isNew) {
            known = new KnownMunicipality();
            known.code = code;
        }
        known.name = text(data, "name");
        known.municipalSecretary = text(data, "municipalSecretary");
        known.sourceVersion = version.asLong();
        if (isNew) {
            known.persist();
        }
    }

    public Optional<KnownMunicipality> municipality(String code) {
        return code == null ? Optional.empty() : KnownMunicipality.findByIdOptional(code);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEventException("Event data lacks " + field);
        }
        return value.asText();
    }

    /** Every municipality known here. */
    public List<KnownMunicipality> all() {
        return KnownMunicipality.listAll();
    }
}
