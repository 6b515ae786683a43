package nl.metrokaart.platform.enums;

/** An enum as services declare them, for the tests of enum mapping and enum query parameters. */
public enum Colour implements ApiValue {
    DARK_RED("dark-red"), BLUE("blue");

    private final String value;

    Colour(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public static class Converter extends ApiValueConverter<Colour> {
        public Converter() {
            super(Colour.class);
        }
    }
}
