package loyaltyloop.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import loyaltyloop.orders.CustomerEmails;
import loyaltyloop.privacy.CustomerErasure;
import loyaltyloop.privacy.CustomerExport;
import loyaltyloop.shops.ShopDomains;
import loyaltyloop.shops.ShopStore;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code shops customers export|erase}: a customer's data request or erasure by hand, for any platform (a
 * WooCommerce shop has no compliance webhooks). The same code as Shopify's {@code customers/data_request} and
 * {@code customers/redact}.
 */
final class CustomersCommand {

    static final String USAGE = """
                 java -jar admin/target/loyalty-admin.jar shops customers export --domain DOMAIN --email EMAIL
                   [--out FILE]   (default customer-data-<domain>.json; the file is not overwritten)
                 java -jar admin/target/loyalty-admin.jar shops customers erase --domain DOMAIN --email EMAIL
                   [--region REGION --table TABLE] | [--aws-endpoint URL [--table LoyaltyTable]]
              export writes everything the loop stores about the customer in that shop as one JSON document;
              erase deletes their personal data there as customers/redact does (orders keep amounts and dates).\
            """;

    private static final Set<String> TARGET_FLAGS = Set.of("region", "table", "stack", "aws-endpoint");

    private CustomersCommand() {
    }

    /** Runs {@code customers export|erase ARGS...}; answers the exit code. */
    static int run(List<String> args) {
        if (args.isEmpty() || !(args.get(0).equals("export") || args.get(0).equals("erase"))) {
            throw new Flags.UsageException("shops customers needs export or erase");
        }
        boolean export = args.get(0).equals("export");
        Set<String> known = new HashSet<>(TARGET_FLAGS);
        known.addAll(export ? Set.of("domain", "email", "out") : Set.of("domain", "email"));
        Flags flags = Flags.parse(args.subList(1, args.size()), known);
        String domain = ShopDomains.normalise(flags.required("domain"))
                .orElseThrow(() -> new Flags.UsageException("not a shop domain: " + flags.get("domain")));
        String email = CustomerEmails.normalise(flags.required("email"))
                .orElseThrow(() -> new Flags.UsageException("not an email address: --email"));
        ShopsCommand.Target target = ShopsCommand.Target.of(flags);
        Path out = export ? Path.of(flags.get("out", "customer-data-" + domain + ".json")) : null;
        if (out != null && Files.exists(out)) {
            throw new Flags.UsageException(out + " exists; pass another --out");
        }
        try (ApplicationContext context = target.start()) {
            if (context.getBean(ShopStore.class).find(domain).isEmpty()) {
                System.err.println("no shop " + domain + " in " + target.describe());
                return 1;
            }
            if (export) {
                CustomerExport exports = context.getBean(CustomerExport.class);
                ObjectNode doc = exports.document(domain, email);
                Files.writeString(out, CustomerExport.pretty(doc), StandardCharsets.UTF_8);
                CustomerExport.Summary summary = exports.summary(doc);
                System.out.println("wrote " + out + ": " + (summary.empty() ? "nothing is stored about "
                        + CustomerEmails.mask(email) : summary.orderIds().size() + " orders, " + summary.surveys()
                        + " survey answers, " + summary.coupons() + " coupons, " + summary.pointsBalance() + " points"));
            } else {
                CustomerErasure.Outcome outcome = context.getBean(CustomerErasure.class).erase(domain, email,
                        "shops customers erase");
                System.out.println(outcome.found() ? "erased " + CustomerEmails.mask(email) + " in " + domain + " ("
                        + outcome.orders() + " orders kept without the person)"
                        : "nothing is stored about " + CustomerEmails.mask(email) + " in " + domain);
            }
            return 0;
        } catch (IOException e) {
            System.err.println("could not write " + out + ": " + e.getMessage());
            return 1;
        } catch (SdkException e) {
            System.err.println("could not " + (export ? "export" : "erase") + ": " + e.getMessage());
            return 1;
        }
    }
}
