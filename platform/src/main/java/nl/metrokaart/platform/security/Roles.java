package nl.metrokaart.platform.security;

/** Realm roles of the Metrokaart Keycloak realm, as carried in {@code realm_access.roles}. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String PROGRAMME_MANAGER = "programme-manager";
    public static final String MUNICIPALITY_COORDINATOR = "municipality-coordinator";
    public static final String SECRETARY = "secretary";
    public static final String INTEGRATOR = "integrator";

    /** The token claim that scopes a municipality coordinator to one municipality (its CBS code). */
    public static final String MUNICIPALITY_CLAIM = "municipality";

    private Roles() {
    }
}
