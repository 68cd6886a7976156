package loyaltyloop.preview;

import jakarta.inject.Singleton;
import java.util.List;
import loyaltyloop.email.EmailTemplates;

/**
 * Every preview on one page (the local runner's {@code GET /_local/preview}): each email in its own sandboxed frame,
 * so its layout is its own and nothing in it runs.
 */
@Singleton
public class EmailPreviewPage {

    private final EmailTemplates templates;

    public EmailPreviewPage(EmailTemplates templates) {
        this.templates = templates;
    }

    public record Model(String title, List<EmailPreviews.Preview> previews) {
    }

    public String render(String shopName, List<EmailPreviews.Preview> previews) {
        return templates.renderHtml("previewpage.jte", new Model("Email previews — " + shopName, previews));
    }
}
