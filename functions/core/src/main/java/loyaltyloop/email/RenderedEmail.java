package loyaltyloop.email;

/** A rendered email body in both parts, with its localized subject. */
public record RenderedEmail(String subject, String text, String html) {
}
