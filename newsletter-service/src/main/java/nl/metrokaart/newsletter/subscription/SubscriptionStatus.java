package nl.metrokaart.newsletter.subscription;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.metrokaart.platform.enums.ApiValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Whether a subscription gets mail. Not a column of its own: a subscription is active exactly when it has a
 * {@code confirmed_at} (see {@link Subscription#status()}).
 */
@Schema(name = "SubscriptionStatus", type = SchemaType.STRING, enumeration = {"active", "pending-confirmation"},
        description = "active, or pending-confirmation until the address owner confirms through the link mailed to "
                + "it (needed for any address other than the caller's own); nothing else is sent before.")
public enum SubscriptionStatus implements ApiValue {
    ACTIVE("active"),
    PENDING_CONFIRMATION("pending-confirmation");

    private final String value;

    SubscriptionStatus(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }
}
