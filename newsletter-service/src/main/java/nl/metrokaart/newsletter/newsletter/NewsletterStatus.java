package nl.metrokaart.newsletter.newsletter;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A newsletter is a draft until it is published; published is final. */
@Schema(name = "NewsletterStatus", type = SchemaType.STRING, enumeration = {"draft", "published"},
        description = "draft: composed and editable; published: sent to the subscribers, immutable.")
public enum NewsletterStatus {
    DRAFT("draft"),
    PUBLISHED("published");

    private final String value;

    NewsletterStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    static NewsletterStatus of(String value) {
        return PUBLISHED.value.equals(value) ? PUBLISHED : DRAFT;
    }
}
