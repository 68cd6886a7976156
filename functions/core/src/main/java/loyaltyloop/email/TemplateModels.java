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
            String unsubscribeUrl,
            String moreItems) {

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

    /**
     * The 90-45 follow-up. {@code paragraphs} are the body between the greeting and the tips; {@code tips} may be
     * empty (the tips section is left out); {@code surveyUrl} may be null (the survey link is left out).
     * {@code unsubscribeUrl} is always set: a follow-up is a marketing email. {@code postalAddress} is the shop's
     * postal address for the footer, null when the shop has none.
     */
    public record FollowUp(
            String lang,
            String subject,
            String preheader,
            String greeting,
            List<String> paragraphs,
            String tipsHeading,
            List<Tip> tips,
            String surveyPrompt,
            String surveyLinkText,
            String surveyUrl,
            String closing,
            String signOff,
            String signature,
            String footerNote,
            String unsubscribePrompt,
            String unsubscribeLinkText,
            String unsubscribeUrl,
            String colon,
            String gap,
            String postalAddress) {

        public FollowUp {
            paragraphs = List.copyOf(paragraphs);
            tips = List.copyOf(tips);
        }
    }

    /** The owner's tip for a product the customer bought: how to get the most from it. */
    public record Tip(String title, String text) {
    }

    /**
     * The owner's daily "pick three". {@code date} is the digest day formatted for the owner; {@code picks} may be
     * empty; {@code health} holds the loop-health figures already formatted.
     */
    public record OwnerDigest(
            String lang,
            String subject,
            String heading,
            String date,
            String intro,
            List<DigestPick> picks,
            String whyLabel,
            String healthHeading,
            List<Fact> health,
            String footer,
            String colon,
            String ladderSummary,
            String promiseSummary,
            String ownerLinkLabel,
            String ownerUrl,
            List<String> warnings) {

        public OwnerDigest {
            picks = List.copyOf(picks);
            health = List.copyOf(health);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        /** {@code warnings}: what is wrong with the shop's connection (docs/import.md), shown first; none here. */
        public OwnerDigest(String lang, String subject, String heading, String date, String intro,
                List<DigestPick> picks, String whyLabel, String healthHeading, List<Fact> health, String footer,
                String colon, String ladderSummary, String promiseSummary, String ownerLinkLabel, String ownerUrl) {
            this(lang, subject, heading, date, intro, picks, whyLabel, healthHeading, health, footer, colon,
                    ladderSummary, promiseSummary, ownerLinkLabel, ownerUrl, null);
        }
    }

    /**
     * One customer to contact. {@code name} is null when the shop has none (then the email address stands as the
     * heading); {@code email} is null when there is none; {@code mailtoUrl} is null when the address cannot be made
     * into a safe link (it is then shown as text). {@code reason} may be null.
     */
    public record DigestPick(int number, String name, String email, String mailtoUrl, String reason, List<Fact> facts) {

        public DigestPick {
            facts = List.copyOf(facts);
        }
    }

    /** A label and its formatted value, e.g. "Lifetime spend" and "$540.00". */
    public record Fact(String label, String value) {
    }
}
