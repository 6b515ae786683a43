package nl.metrokaart.newsletter.newsletter;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.metrokaart.platform.enums.ApiValue;
import nl.metrokaart.platform.enums.ApiValueConverter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A newsletter is a draft until it is published; published is final. */
@Schema(name = "NewsletterStatus", type = SchemaType.STRING, enumeration = {"draft", "published"},
        description = "draft: composed and editable; published: sent to the subscribers, immutable.")
public enum NewsletterStatus implements ApiValue {
    DRAFT("draft"),
    PUBLISHED("published");

    private final String value;

    NewsletterStatus(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @jakarta.persistence.Converter
    public static class Converter extends ApiValueConverter<NewsletterStatus> {
        public Converter() {
            super(NewsletterStatus.class);
        }
    }
}
