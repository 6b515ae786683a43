package nl.metrokaart.municipality.participation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes ParticipationChanged as cost allocation does, noting whether it came inside the change's transaction. */
@ApplicationScoped
public class ParticipationChangedRecorder {

    public record Observed(ParticipationChanged event, boolean inTransaction) {
    }

    private final List<Observed> observed = new CopyOnWriteArrayList<>();

    @Inject
    TransactionManager transactions;

    void on(@Observes ParticipationChanged event) throws SystemException {
        observed.add(new Observed(event, transactions.getStatus() == Status.STATUS_ACTIVE));
    }

    public List<Observed> of(String municipalityCode) {
        return observed.stream().filter(o -> o.event().municipalityCode().equals(municipalityCode)).toList();
    }
}
