package loyaltyloop.preview;

import jakarta.inject.Singleton;
import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import java.util.ArrayList;
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

    /** One email in its frame: {@code srcdoc} is its HTML escaped as an attribute value. */
    public record Frame(String kind, String language, String subject, String srcdoc) {
    }

    public record Model(String title, List<Frame> frames) {
    }

    public String render(String shopName, List<EmailPreviews.Preview> previews) {
        List<Frame> frames = new ArrayList<>();
        for (EmailPreviews.Preview p : previews) {
            frames.add(new Frame(p.kind(), p.language(), p.subject(), attributeValue(p.html())));
        }
        return templates.renderHtml("previewpage.jte", new Model("Email previews — " + shopName, frames));
    }

    /**
     * jte's HTML output writes nothing into an iframe's {@code srcdoc} (it cannot know the frame is sandboxed), so the
     * email is escaped here with jte's own attribute escaping ({@code & < " '}) and the template writes it as it is.
     */
    static String attributeValue(String html) {
        StringOutput out = new StringOutput(html.length() + html.length() / 4);
        Escape.htmlAttribute(html, out);
        return out.toString();
    }
}
