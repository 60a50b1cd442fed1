package dk.rm.patientsafety.learning;

/** Where a subscription's summaries go besides the summaries topic: a webhook, a mailbox, or only the web page. */
public enum FeedChannel {
    /** The compacted summaries topic only, for a system that reads Kafka. */
    KAFKA,
    /** POSTed, signed, to a webhook subscriber the operator configured ({@code delivery.webhooks.<name>}). */
    WEBHOOK,
    /** A short Danish mail with a link to the summary's page. */
    EMAIL,
    /** Read on the platform's page. */
    WEB_PAGE;

    /** Whether the channel needs a target: a webhook's name or a mail address. */
    boolean targeted() {
        return this == WEBHOOK || this == EMAIL;
    }
}
