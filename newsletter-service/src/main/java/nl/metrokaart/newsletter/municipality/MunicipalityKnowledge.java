package nl.metrokaart.newsletter.municipality;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import nl.metrokaart.platform.readmodel.ReadModels;

/**
 * Keeps {@link KnownMunicipality} from municipality-service's municipality-registered and municipality-changed
 * events, bound by the inbox to {@link MunicipalityEventData.Municipality}. Events may come twice or out of order: a
 * copy is only replaced by a higher version ({@link ReadModels#applyIfNewer}).
 */
@ApplicationScoped
public class MunicipalityKnowledge {

    public static final String REGISTERED = "nl.metrokaart.municipality.municipality-registered";
    public static final String CHANGED = "nl.metrokaart.municipality.municipality-changed";

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(MunicipalityEventData.Municipality data) {
        ReadModels.applyIfNewer(KnownMunicipality.<KnownMunicipality>findById(data.code()), data.version(), () -> {
            KnownMunicipality known = new KnownMunicipality();
            known.code = data.code();
            return known;
        }, known -> {
            known.name = data.name();
            known.municipalSecretary = data.municipalSecretary();
        });
    }

    public Optional<KnownMunicipality> municipality(String code) {
        return code == null ? Optional.empty() : KnownMunicipality.findByIdOptional(code);
    }

    /** Every municipality known here. */
    public List<KnownMunicipality> all() {
        return KnownMunicipality.listAll();
    }
}
