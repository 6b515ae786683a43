package nl.metrokaart.municipality.cost;

import static io.restassured.RestAssured.given;
import static nl.metrokaart.municipality.cost.CostFixtures.allocation;
import static nl.metrokaart.municipality.cost.CostFixtures.amounts;
import static nl.metrokaart.municipality.cost.CostFixtures.chooseKey;
import static nl.metrokaart.municipality.cost.CostFixtures.costAllocationEvents;
import static nl.metrokaart.municipality.cost.CostFixtures.participations;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import nl.metrokaart.municipality.BrokerRecords;
import nl.metrokaart.municipality.Fixtures;
import nl.metrokaart.municipality.events.MunicipalityEvents;
import nl.metrokaart.municipality.project.ProgrammeProject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A budget change as programme-service publishes it, through the real broker, reaches the cost allocation, and the
 * new split leaves this service as a cost-allocation-changed CloudEvent on its projects topic.
 */
@QuarkusTest
class CostAllocationEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aNewBudgetFromProgrammeServiceIsSplitAgainAndPublished() throws Exception {
        Fixtures.municipality("GM1141", "Budgetstad", 30000);
        Fixtures.municipality("GM1142", "Begrotingdorp", 10000);
        UUID programmeId = UUID.randomUUID();
        UUID projectId = Fixtures.project(programmeId, "EV-BUDGET", "Zaaksysteem", new BigDecimal("1000.00"));
        chooseKey(projectId, "{\"method\": \"by-inhabitants\"}");
        participations(projectId, "GM1141", "GM1142");
        assertThat(amounts(projectId, "GM1141", "GM1142"), is(Map.of("GM1141", 75_000L, "GM1142", 25_000L)));

        projectChanged(programmeId, projectId, "EV-BUDGET", "Zaaksysteem", "1234.57", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> allocation(projectId).getLong("budgetCents") == 123_457L);
        // 123457 by 3 : 1 = 92592.75 : 30864.25: the cent left over goes to the larger remainder.
        assertThat(amounts(projectId, "GM1141", "GM1142"), is(Map.of("GM1141", 92_593L, "GM1142", 30_864L)));

        ConsumerRecord<String, String> record = BrokerRecords.awaitRecord(MunicipalityEvents.PROJECTS_TOPIC, r ->
                projectId.toString().equals(r.key())
                        && MunicipalityEvents.COST_ALLOCATION_CHANGED.equals(BrokerRecords.header(r, "ce_type"))
                        && r.value().contains("123457"));
        assertThat(BrokerRecords.header(record, "ce_subject"), is("cost-allocations/" + projectId));
        assertThat(BrokerRecords.header(record, "ce_source"), is("urn:nld:metrokaart:systeem:municipality-service"));
        JsonNode data = JSON.readTree(record.value());
        assertThat(data.get("projectId").asText(), is(projectId.toString()));
        assertThat(data.get("projectCode").asText(), is("EV-BUDGET"));
        assertThat(data.get("budgetCents").asLong(), is(123_457L));
        assertThat(data.get("method").asText(), is("by-inhabitants"));
        assertThat(data.size(), is(5));
        JsonNode shares = data.get("shares");
        assertThat(shares.size(), is(2));
        assertThat(shares.get(0).get("municipalityCode").asText(), is("GM1141"));
        assertThat(shares.get(0).get("amountCents").asLong(), is(92_593L));
        assertThat(shares.get(1).get("municipalityCode").asText(), is("GM1142"));
        assertThat(shares.get(1).get("amountCents").asLong(), is(30_864L));
        assertThat(shares.get(0).size(), is(2));
    }

    @Test
    void aProjectChangeThatKeepsTheBudgetChangesNoAllocation() {
        Fixtures.municipality("GM1143", "Stilstand", 1000);
        UUID programmeId = UUID.randomUUID();
        UUID projectId = Fixtures.project(programmeId, "EV-SAME", "Oud", new BigDecimal("500.00"));
        participations(projectId, "GM1143");
        long version = allocation(projectId).getLong("version");
        long events = costAllocationEvents(projectId);

        projectChanged(programmeId, projectId, "EV-SAME", "Nieuwe naam", "500.00", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "Nieuwe naam".equals(allocation(projectId).getString("projectName")));
        assertThat(allocation(projectId).getLong("version"), is(version));
        assertThat(costAllocationEvents(projectId), is(events));
    }

    @Test
    void aNegativeBudgetIsRefusedAsMalformedAndTheAllocationStays() {
        UUID programmeId = UUID.randomUUID();
        UUID projectId = Fixtures.project(programmeId, "EV-NEGATIVE", "Tekort", new BigDecimal("100.00"));
        projectChanged(programmeId, projectId, "EV-NEGATIVE", "Tekort", "-5.00", 1);
        ConsumerRecord<String, String> dead = BrokerRecords.awaitRecord("metrokaart.municipality-service.dead-letter",
                r -> projectId.toString().equals(r.key()));
        assertThat(BrokerRecords.header(dead, "dead-letter-reason").contains("budget"), is(true));
        assertThat(allocation(projectId).getLong("budgetCents"), is(10_000L));
    }

    @Inject
    CostAllocationService costAllocations;

    @Test
    void projectsReceivedBeforeCostAllocationExistedGetOneAtStart() {
        UUID projectId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            // As V2's read model held it before V6: without going through the read model's budget event.
            ProgrammeProject project = new ProgrammeProject();
            project.id = projectId;
            project.programmeId = UUID.randomUUID();
            project.code = "EV-BEFORE";
            project.name = "Van voor de kostenverdeling";
            project.status = "planned";
            project.budget = new BigDecimal("12.34");
            project.receivedAt = Instant.now();
            project.persist();
        });
        given().auth().oauth2(Fixtures.admin()).when().get("/api/v1/cost-allocations/" + projectId).then().statusCode(404);

        QuarkusTransaction.requiringNew().run(() -> costAllocations.backfill(null));
        assertThat(allocation(projectId).getLong("budgetCents"), is(1_234L));
        assertThat(allocation(projectId).getLong("unallocatedCents"), is(1_234L));
    }

    private static void projectChanged(UUID programmeId, UUID projectId, String code, String name, String budget, long version) {
        Fixtures.announceProject("project-changed", projectId, programmeId, code, name, new BigDecimal(budget), version);
    }
}
