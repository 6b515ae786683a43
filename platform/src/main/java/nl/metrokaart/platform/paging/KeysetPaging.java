package nl.metrokaart.platform.paging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Cursor pagination of an entity list in a fixed order, ascending or (every key) descending. The cursor holds the sort key values of the
 * last row of the page ({@link Keyset}), so a page continues exactly after it however rows are added or changed in
 * between.
 */
@ApplicationScoped
public class KeysetPaging {

    @Inject
    EntityManager entityManager;

    /**
     * A sort key: the entity attribute, how to read its value from a row, and how to read it back from a cursor.
     * The last key of an order must be unique, so that the order is total.
     */
    public record SortKey<E>(String attribute, Function<E, Object> value, Function<String, Object> parse,
            boolean descending) {

        public SortKey(String attribute, Function<E, Object> value, Function<String, Object> parse) {
            this(attribute, value, parse, false);
        }

        /** A key of a newest-first list: the next page continues below the cursor. */
        public static <E> SortKey<E> descending(String attribute, Function<E, Object> value,
                Function<String, Object> parse) {
            return new SortKey<>(attribute, value, parse, true);
        }
    }

    /** The conditions of a list's filters; a filter whose value is null is left out. */
    public static final class Where {
        private final StringBuilder clause = new StringBuilder("1 = 1");
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        public Where and(String attribute, Object value) {
            if (value != null) {
                clause.append(" and e.").append(attribute).append(" = :").append(attribute);
                parameters.put(attribute, value);
            }
            return this;
        }

        /**
         * Any other condition on the entity {@code e} with one named parameter, e.g.
         * {@code condition("e.occurredAt >= :from", "from", from)}.
         */
        public Where condition(String jpql, String parameter, Object value) {
            if (value != null) {
                clause.append(" and ").append(jpql);
                parameters.put(parameter, value);
            }
            return this;
        }
    }

    public <E, R> Page<R> page(Class<E> type, Where where, List<SortKey<E>> order, String cursor, int limit,
            Function<E, R> representation) {
        StringBuilder jpql = new StringBuilder("select e from ").append(type.getSimpleName()).append(" e where ")
                .append(where.clause);
        Map<String, Object> parameters = new LinkedHashMap<>(where.parameters);
        if (cursor != null) {
            Keyset after = Keyset.after(cursor, "cursor", order.size());
            // One row-value comparison, (a, b) > (:after0, :after1): PostgreSQL starts an index range scan on (a, b)
            // at the cursor, where the equivalent "a > x or (a = x and b > y)" scans and sorts the whole list per page.
            List<String> attributes = order.stream().map(k -> "e." + k.attribute()).toList();
            List<String> values = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                values.add(":after" + i);
                // A value that does not parse back (a bad UUID or date) was not handed out by us.
                parameters.put("after" + i, after.get(i, order.get(i).parse()));
            }
            String comparison = descending(order) ? " < " : " > ";
            jpql.append(order.size() == 1 ? " and " + attributes.get(0) + comparison + values.get(0)
                    : " and (" + String.join(", ", attributes) + ")" + comparison + "(" + String.join(", ", values) + ")");
        }
        String direction = descending(order) ? " desc" : "";
        jpql.append(" order by ").append(String.join(", ", order.stream().map(k -> "e." + k.attribute() + direction).toList()));
        TypedQuery<E> query = entityManager.createQuery(jpql.toString(), type);
        parameters.forEach(query::setParameter);
        // One more than asked tells whether there is a next page.
        List<E> fetched = query.setMaxResults(limit + 1).getResultList();
        return Page.ofFetched(fetched, limit,
                last -> Keyset.of(order.stream().map(k -> k.value().apply(last)).toArray()).position(), representation);
    }

    /** Whether the order is descending; a row-value comparison needs every key in the same direction. */
    private static <E> boolean descending(List<SortKey<E>> order) {
        boolean descending = order.get(0).descending();
        if (order.stream().anyMatch(k -> k.descending() != descending)) {
            throw new IllegalArgumentException("a keyset order runs in one direction: " + order);
        }
        return descending;
    }
}
