package loyaltyloop.email;

import java.util.List;

/**
 * The model of the survey-related emails (survey, coupon, service recovery, owner alert): one layout, parts left
 * out when null or empty. Values are plain text; the templates escape them.
 *
 * @param code a coupon code shown in a box, with {@code codeLabel} and {@code codeNote}; null for none
 * @param facts label/value rows (the owner alert's customer, rating, order)
 * @param quote a block quote (the customer's comment), null for none
 * @param unsubscribeUrl set for marketing emails only
 * @param postalAddress the shop's postal address in the footer (marketing emails); null for none
 */
public record Letter(
        String lang,
        String subject,
        String preheader,
        String greeting,
        List<String> paragraphs,
        List<TemplateModels.Fact> facts,
        String quoteLabel,
        String quote,
        String codeLabel,
        String code,
        String codeNote,
        String buttonLabel,
        String buttonUrl,
        List<String> closing,
        String signOff,
        String signature,
        String footerNote,
        String unsubscribePrompt,
        String unsubscribeLinkText,
        String unsubscribeUrl,
        String colon,
        String gap,
        String postalAddress) {

    public Letter {
        paragraphs = List.copyOf(paragraphs);
        facts = List.copyOf(facts);
        closing = List.copyOf(closing);
    }
}
