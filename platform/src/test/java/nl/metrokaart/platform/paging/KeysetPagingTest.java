package nl.metrokaart.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The query {@link KeysetPaging} asks for, seen through an entity manager that records it. */
class KeysetPagingTest {

    record Town(String name, UUID id) {
    }

    private static final List<KeysetPaging.SortKey<Town>> BY_NAME = List.of(
            new KeysetPaging.SortKey<>("name", Town::name, s -> s),
            new KeysetPaging.SortKey<>("id", Town::id, UUID::fromString));

    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final StringBuilder jpql = new StringBuilder();
    private int maxResults;

    @Test
    void theFirstPageFiltersOrdersAndFetchesOneMore() {
        Town vlist = new Town("Vlist", UUID.randomUUID());
        Town bergambacht = new Town("Bergambacht", UUID.randomUUID());
        Page<String> page = paging(List.of(bergambacht, vlist)).page(Town.class,
                new KeysetPaging.Where().and("code", "GM0491").and("projectId", null), BY_NAME, null, 1, Town::name);
        assertEquals("select e from Town e where 1 = 1 and e.code = :code order by e.name, e.id", jpql.toString());
        assertEquals(Map.of("code", "GM0491"), parameters);
        assertEquals(2, maxResults);
        assertEquals(List.of("Bergambacht"), page.items());
        assertEquals(Keyset.of("Bergambacht", bergambacht.id()).cursor(), page.nextCursor());
    }

    @Test
    void aNextPageContinuesStrictlyAfterTheCursorsPosition() {
        UUID id = UUID.randomUUID();
        Page<String> page = paging(List.of()).page(Town.class, new KeysetPaging.Where(), BY_NAME,
                Keyset.of("Nederlek", id).cursor(), 20, Town::name);
        // One row-value comparison, which PostgreSQL serves with an index range scan from the cursor on.
        assertEquals("select e from Town e where 1 = 1 and (e.name, e.id) > (:after0, :after1) order by e.name, e.id",
                jpql.toString());
        assertEquals(Map.of("after0", "Nederlek", "after1", id), parameters);
        assertEquals(null, page.nextCursor());
    }

    @Test
    void aNewestFirstListContinuesBelowTheCursorAndOtherConditionsJoinTheFilters() {
        List<KeysetPaging.SortKey<Town>> newestFirst = List.of(
                KeysetPaging.SortKey.descending("name", Town::name, s -> s),
                KeysetPaging.SortKey.descending("id", Town::id, UUID::fromString));
        UUID id = UUID.randomUUID();
        paging(List.of()).page(Town.class, new KeysetPaging.Where().condition("e.founded >= :from", "from", 1280)
                        .condition("e.founded <= :until", "until", null), newestFirst,
                Keyset.of("Vlist", id).cursor(), 20, Town::name);
        assertEquals("select e from Town e where 1 = 1 and e.founded >= :from and (e.name, e.id) < (:after0, :after1)"
                + " order by e.name desc, e.id desc", jpql.toString());
        assertEquals(Map.of("from", 1280, "after0", "Vlist", "after1", id), parameters);
    }

    @Test
    void anOrderRunsInOneDirection() {
        List<KeysetPaging.SortKey<Town>> mixed = List.of(KeysetPaging.SortKey.descending("name", Town::name, s -> s),
                new KeysetPaging.SortKey<>("id", Town::id, UUID::fromString));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> paging(List.of())
                .page(Town.class, new KeysetPaging.Where(), mixed, null, 20, Town::name));
    }

    @Test
    void aCursorWhoseValuesDoNotParseIsA400() {
        KeysetTest.assertInvalid("cursor", () -> paging(List.of()).page(Town.class, new KeysetPaging.Where(), BY_NAME,
                Keyset.of("Nederlek", "no-uuid").cursor(), 20, Town::name));
        KeysetTest.assertInvalid("cursor", () -> paging(List.of()).page(Town.class, new KeysetPaging.Where(), BY_NAME,
                Keyset.of("Nederlek").cursor(), 20, Town::name));
    }

    private KeysetPaging paging(List<Town> rows) {
        TypedQuery<?> query = (TypedQuery<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TypedQuery.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setParameter" -> {
                        parameters.put((String) args[0], args[1]);
                        yield proxy;
                    }
                    case "setMaxResults" -> {
                        maxResults = (Integer) args[0];
                        yield proxy;
                    }
                    case "getResultList" -> rows.subList(0, Math.min(rows.size(), maxResults));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        KeysetPaging paging = new KeysetPaging();
        paging.entityManager = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createQuery") && args.length == 2) {
                        jpql.append(args[0]);
                        return query;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return paging;
    }
}
