package loyaltyloop.local;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loyaltyloop.local.LocalOutbox.OutboxEmail;

/**
 * The outbox as pages a person reads: a list of the emails, and each email with its headers, its HTML part in a
 * sandboxed frame (links open in a new tab) and its text part with clickable links. Everything from an email is
 * escaped; the HTML part only ever runs inside the sandbox, without scripts.
 */
final class OutboxPages {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"')\\]]+");
    private static final Pattern HEAD = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML = Pattern.compile("<html(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);
    private static final String STYLE = """
            body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem auto;max-width:62rem;padding:0 1rem;color:#222}
            table{border-collapse:collapse;width:100%}td,th{padding:.35rem .6rem;overflow-wrap:anywhere;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
            th{background:#f4f4f4}.kind{font:12px monospace;background:#eef;padding:.1rem .4rem;border-radius:3px}
            iframe{width:100%;height:38rem;border:1px solid #ccc;border-radius:4px;background:#fff}
            pre{white-space:pre-wrap;background:#f8f8f8;border:1px solid #ddd;padding:.8rem;border-radius:4px}
            .muted{color:#777}nav a{margin-right:1rem}
            """;

    private OutboxPages() {
    }

    static String list(List<OutboxEmail> emails, String now) {
        StringBuilder page = head("Local outbox");
        page.append("<h1>Local outbox</h1><p class=muted>").append(emails.size()).append(" email(s); clock now ")
                .append(escape(now)).append(". <a href=\"/_local/outbox.html\">refresh</a> · <a href=\"/_local/outbox\">JSON</a></p>");
        if (emails.isEmpty()) {
            page.append("<p>No email sent yet. Send a signed order webhook and reload.</p>");
        } else {
            page.append("<table><tr><th>#</th><th>kind</th><th>to</th><th>subject</th><th>sent at</th></tr>");
            for (int i = emails.size() - 1; i >= 0; i--) {
                OutboxEmail email = emails.get(i);
                String link = "/_local/outbox/" + email.id() + ".html";
                page.append("<tr><td><a href=\"").append(link).append("\">").append(email.id()).append("</a></td>")
                        .append("<td><span class=kind>").append(escape(email.kind())).append("</span></td>")
                        .append("<td>").append(escape(email.to())).append("</td>")
                        .append("<td><a href=\"").append(link).append("\">").append(escape(email.subject())).append("</a></td>")
                        .append("<td>").append(escape(email.sentAt())).append("</td></tr>");
            }
            page.append("</table>");
        }
        return page.append("</body></html>").toString();
    }

    static String email(OutboxEmail email, int total) {
        StringBuilder page = head("#" + email.id() + " " + email.subject());
        page.append("<nav><a href=\"/_local/outbox.html\">← outbox</a>");
        if (email.id() > 1) {
            page.append("<a href=\"/_local/outbox/").append(email.id() - 1).append(".html\">older</a>");
        }
        if (email.id() < total) {
            page.append("<a href=\"/_local/outbox/").append(email.id() + 1).append(".html\">newer</a>");
        }
        page.append("</nav><h1>").append(escape(email.subject())).append("</h1><table>");
        row(page, "kind", "<span class=kind>" + escape(email.kind()) + "</span>");
        row(page, "from", escape(email.from()));
        row(page, "to", escape(email.to()));
        if (email.replyTo() != null) {
            row(page, "reply-to", escape(email.replyTo()));
        }
        row(page, "sent at", escape(email.sentAt()));
        if (email.tags() != null) {
            for (Map.Entry<String, String> tag : email.tags().entrySet()) {
                row(page, "SES tag " + escape(tag.getKey()), escape(tag.getValue()));
            }
        }
        for (Map.Entry<String, String> header : email.headers().entrySet()) {
            row(page, escape(header.getKey()), linkify(header.getValue()));
        }
        for (LocalOutbox.OutboxAttachment a : email.attachments()) {
            row(page, "attachment", escape(a.fileName() + " (" + a.contentType() + ", " + a.size() + " bytes)"));
        }
        page.append("</table><h2>HTML part</h2>");
        if (email.html() == null || email.html().isBlank()) {
            page.append("<p class=muted>(none)</p>");
        } else {
            page.append("<iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\" referrerpolicy=\"no-referrer\" srcdoc=\"")
                    .append(escape(withLinksInNewTab(email.html()))).append("\" title=\"HTML part\"></iframe>");
        }
        page.append("<h2>Text part</h2>");
        if (email.text() == null || email.text().isBlank()) {
            page.append("<p class=muted>(none)</p>");
        } else {
            page.append("<pre>").append(linkify(email.text())).append("</pre>");
        }
        for (LocalOutbox.OutboxAttachment a : email.attachments()) {
            page.append("<h2>Attachment ").append(escape(a.fileName())).append("</h2><pre>")
                    .append(escape(a.content())).append("</pre>");
        }
        return page.append("</body></html>").toString();
    }

    static String notFound(long id) {
        return head("no such email").append("<p>No email #").append(id)
                .append(". <a href=\"/_local/outbox.html\">Back to the outbox</a></p></body></html>").toString();
    }

    /** Text with every http(s) URL as a link that opens in a new tab; all of it escaped. */
    static String linkify(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = URL.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(escape(text.substring(last, m.start())));
            String url = m.group();
            out.append("<a href=\"").append(escape(url)).append("\" target=\"_blank\" rel=\"noopener noreferrer\">")
                    .append(escape(url)).append("</a>");
            last = m.end();
        }
        return out.append(escape(text.substring(last))).toString();
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Inside the sandbox a link would replace the frame; a base target opens it in a new tab instead. */
    private static String withLinksInNewTab(String html) {
        String base = "<base target=\"_blank\">";
        Matcher head = HEAD.matcher(html);
        if (head.find()) {
            return html.substring(0, head.end()) + base + html.substring(head.end());
        }
        Matcher root = HTML.matcher(html);
        if (root.find()) {
            return html.substring(0, root.end()) + base + html.substring(root.end());
        }
        return base + html;
    }

    private static void row(StringBuilder page, String name, String valueHtml) {
        page.append("<tr><th>").append(name).append("</th><td>").append(valueHtml).append("</td></tr>");
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!doctype html><html lang=en><head><meta charset=utf-8><title>")
                .append(escape(title)).append("</title><meta name=viewport content=\"width=device-width,initial-scale=1\"><style>")
                .append(STYLE).append("</style></head><body>");
    }
}
