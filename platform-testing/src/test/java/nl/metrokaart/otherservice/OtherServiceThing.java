package nl.metrokaart.otherservice;

/** Wrong fixture: a class of another service, which {@code brokenservice} must not use. */
public class OtherServiceThing {

    public static String name() {
        return "other";
    }
}
