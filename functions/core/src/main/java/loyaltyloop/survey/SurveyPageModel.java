package loyaltyloop.survey;

import java.util.List;

/**
 * The survey page: the form (with the answer so far and an error when it was refused), or the thank-you with the
 * coupon code, or the thank-you while the code is still being set up. Plain text values; the template escapes.
 */
public record SurveyPageModel(
        String lang,
        String title,
        String heading,
        List<String> paragraphs,
        String error,
        String formActionUrl,
        String ratingQuestion,
        List<RatingChoice> ratings,
        String commentLabel,
        String comment,
        int commentMax,
        String submitLabel,
        String codeLabel,
        String code,
        String codeNote) {

    public SurveyPageModel {
        paragraphs = List.copyOf(paragraphs);
        ratings = List.copyOf(ratings);
    }

    public boolean showsForm() {
        return formActionUrl != null;
    }

    public record RatingChoice(int value, String label, boolean checked) {
    }
}
