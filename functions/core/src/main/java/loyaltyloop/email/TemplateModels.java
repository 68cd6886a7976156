package loyaltyloop.email;

import java.util.List;

/**
 * What the JTE templates under {@code src/main/jte} receive: every sentence already localized and every amount
 * already formatted, so the templates only lay them out. Public only because the generated template classes live
 * in another package; callers use {@link EmailTemplates}.
 */
public final class TemplateModels {

    private TemplateModels() {
    }

    /**
     * The thank-you email. {@code colon} separates a label from its value in the text part, {@code gap} two
     * sentences (a space in English, nothing in Chinese). {@code total}, {@code referralUrl} and
     * {@code unsubscribeUrl} may be null (that part is left out).
     */
    public record Affirmation(
            String lang,
            String subject,
            String heading,
            String intro,
            String summaryHeading,
            List<Line> lines,
            String totalLabel,
            String total,
            String colon,
            String gap,
            String nextHeading,
            String nextText,
            String referralHeading,
            String referralText,
            String referralUrl,
            String signOff,
            String signature,
            String aboutOrder,
            String unsubscribePrompt,
            String unsubscribeLinkText,
            String unsubscribeUrl) {

        public Affirmation {
            lines = List.copyOf(lines);
        }
    }

    /** One line item: title × quantity, and the line total formatted for the reader. */
    public record Line(String title, int quantity, String total) {
    }

    /**
     * A small standalone page. With a {@code formActionUrl} it shows a POST form with one button
     * ({@code buttonLabel}).
     */
    public record Page(
            String lang,
            String title,
            String heading,
            List<String> paragraphs,
            String formActionUrl,
            String buttonLabel) {

        public Page {
            paragraphs = List.copyOf(paragraphs);
        }
    }
}
