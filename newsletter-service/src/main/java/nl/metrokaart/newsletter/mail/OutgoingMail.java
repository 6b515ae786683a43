package nl.metrokaart.newsletter.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An e-mail waiting to be sent, or sent: queued in the transaction that causes it, sent by {@link MailRelay}. */
@Entity
@Table(name = "outgoing_mail")
public class OutgoingMail extends PanacheEntityBase {

    @Id
    public UUID id;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> recipients = new ArrayList<>();

    @Column(nullable = false)
    public String subject;

    @Column(name = "text_body", nullable = false)
    public String text;

    @Column(name = "html_body")
    public String html;

    @Column(name = "attachment_name")
    public String attachmentName;

    @Column(name = "attachment_content_type")
    public String attachmentContentType;

    @Column(name = "attachment_data")
    public byte[] attachmentData;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** The claim of the relay now sending it; only that relay may record the outcome (fencing). */
    @Column(name = "claim_token")
    public UUID claimToken;

    /** Set when the SMTP server refused the mail for good (5xx): it is not tried again. */
    @Column(name = "failed_at")
    public Instant failedAt;
}
