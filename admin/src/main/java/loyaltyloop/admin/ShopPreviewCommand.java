package loyaltyloop.admin;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.preview.EmailPreviews;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopDomains;
import loyaltyloop.shops.ShopStore;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code shops preview --domain D [--kind follow-up] [--locale zh-TW] [--out DIR]}: writes the shop's emails as HTML
 * files with sample data, in its own wording and brand, one file per kind and language ({@code follow-up.zh-TW.html});
 * every kind and language unless {@code --kind} / {@code --locale} pick one. Reads the shop; writes nothing to AWS.
 */
final class ShopPreviewCommand {

    static final String USAGE = """
                   java -jar admin/target/loyalty-admin.jar shops preview --domain DOMAIN [--kind KIND] [--locale LANG]
                     [--out preview]   [--region REGION --table TABLE] | [--aws-endpoint URL [--table LoyaltyTable]]
              Writes the shop's emails with sample data as HTML files (KIND.LANG.html) in --out, in its own wording and
              brand: every kind (affirmation, follow-up, survey, coupon, service-recovery, owner-alert, points,
              owner-digest, data-export) and language (en, zh-TW, zh-CN), or the one --kind / --locale name.""";

    private static final Set<String> FLAGS = Set.of("region", "table", "stack", "aws-endpoint", "domain", "kind",
            "locale", "out");

    private ShopPreviewCommand() {
    }

    record Preview(ShopsCommand.Target target, String domain, List<String> kinds, List<String> languages, Path out) {
    }

    static Preview parse(List<String> args) {
        Flags flags = Flags.parse(args, FLAGS);
        String domain = ShopDomains.normalise(flags.required("domain"))
                .orElseThrow(() -> new Flags.UsageException("not a shop domain: " + flags.get("domain")));
        String kind = flags.get("kind");
        if (kind != null && !EmailPreviews.KINDS.contains(kind)) {
            throw new Flags.UsageException("--kind " + kind + ": one of " + String.join(", ", EmailPreviews.KINDS));
        }
        String locale = flags.get("locale");
        String language = locale == null ? null : EmailPreviews.LANGUAGES.stream()
                .filter(l -> l.equalsIgnoreCase(locale.replace('_', '-'))).findFirst()
                .orElseThrow(() -> new Flags.UsageException("--locale " + locale + ": one of "
                        + String.join(", ", EmailPreviews.LANGUAGES)));
        return new Preview(ShopsCommand.Target.of(flags), domain,
                kind == null ? EmailPreviews.KINDS : List.of(kind),
                language == null ? EmailPreviews.LANGUAGES : List.of(language), Path.of(flags.get("out", "preview")));
    }

    static int run(Preview preview) {
        try (ApplicationContext context = preview.target().start()) {
            Shop shop = context.getBean(ShopStore.class).find(preview.domain()).orElse(null);
            if (shop == null) {
                System.err.println("no shop " + preview.domain() + " in " + preview.target().describe()
                        + ": register it with shops add first");
                return 1;
            }
            List<Path> written = write(new EmailPreviews(new EmailTemplates()), shop, preview);
            System.out.println("wrote " + written.size() + " previews of " + shop.domain() + " to "
                    + preview.out().toAbsolutePath());
            return 0;
        } catch (SdkException e) {
            System.err.println("could not read the shop: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("could not write the previews: " + e.getMessage());
            return 1;
        }
    }

    static List<Path> write(EmailPreviews previews, Shop shop, Preview preview) throws IOException {
        Files.createDirectories(preview.out());
        List<Path> written = new ArrayList<>();
        for (String kind : preview.kinds()) {
            for (String language : preview.languages()) {
                EmailPreviews.Preview email = previews.render(shop, kind, language);
                Path file = preview.out().resolve(kind + "." + language + ".html");
                Files.writeString(file, email.html(), StandardCharsets.UTF_8);
                written.add(file);
            }
        }
        return written;
    }
}
