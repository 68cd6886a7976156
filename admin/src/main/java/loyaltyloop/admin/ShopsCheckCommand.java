package loyaltyloop.admin;

import io.micronaut.context.ApplicationContext;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import loyaltyloop.deliverability.MailSetupCheck;
import loyaltyloop.platforms.PlatformConnectionCheck;
import loyaltyloop.shops.CheckFinding;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopDomains;
import loyaltyloop.shops.ShopStore;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code shops check --domain D}: runs every {@link ShopCheck} on a registered shop with the credentials the stack
 * stores, prints what it found in plain words, and exits 1 when anything is broken (0 when all is well, warnings
 * included). To check one more thing, write a {@link ShopCheck} and add it to {@link #checks}.
 */
public final class ShopsCheckCommand {

    static final String USAGE = """
                   java -jar admin/target/loyalty-admin.jar shops check --domain DOMAIN
                     [--region REGION --table TABLE [--stack loyalty-loop]] | [--aws-endpoint URL [--table LoyaltyTable]]
              Connects to the shop's platform with the stored credentials and says what is wrong, or that all is
              well: the API token can be had, the scopes are granted, the Admin API version is still supported, the
              webhooks are there (Shopify) or active (WooCommerce); that SES is out of the sandbox and sending, how
              much of its daily quota is left, and that the shop has a postal address for its marketing emails.
              Exits 1 when something is wrong.""";

    private static final Set<String> FLAGS = Set.of("domain", "region", "table", "stack", "aws-endpoint");

    /** One thing {@code shops check} looks at; its findings say in plain words how that stands. */
    @FunctionalInterface
    interface ShopCheck {
        List<CheckFinding> check(Shop shop);
    }

    private ShopsCheckCommand() {
    }

    /** The checks, in the order they print. */
    static List<ShopCheck> checks(ApplicationContext context) {
        return List.of(context.getBean(PlatformConnectionCheck.class)::check, mailSetup(context));
    }

    /** The SES account (sandbox, paused, daily quota) and the shop's postal address: {@link MailSetupCheck}. */
    private static ShopCheck mailSetup(ApplicationContext context) {
        MailSetupCheck mail = context.getBean(MailSetupCheck.class);
        return shop -> mail.check(shop).stream()
                .map(f -> new CheckFinding(CheckFinding.Severity.valueOf(f.level().name()), f.text())).toList();
    }

    /** Runs {@code shops check ARGS...} (after the words {@code shops check}); answers the exit code. */
    static int run(List<String> args) {
        Flags flags = Flags.parse(args, FLAGS);
        ShopsCommand.Target target = ShopsCommand.Target.of(flags);
        String domain = ShopDomains.normalise(flags.required("domain"))
                .orElseThrow(() -> new Flags.UsageException("not a shop domain: " + flags.get("domain")));
        try (ApplicationContext context = target.start()) {
            Shop shop = context.getBean(ShopStore.class).find(domain).orElse(null);
            if (shop == null) {
                System.err.println("no shop " + domain + " in " + target.describe() + ": register it with shops add first");
                return 1;
            }
            List<CheckFinding> findings = new ArrayList<>();
            for (ShopCheck check : checks(context)) {
                findings.addAll(check.check(shop));
            }
            return report(shop, findings, System.out);
        } catch (SdkException e) {
            System.err.println("could not read the shop: " + e.getMessage());
            return 1;
        }
    }

    /** Prints the findings, problems first, and answers the exit code: 1 when there is a problem. */
    static int report(Shop shop, List<CheckFinding> findings, PrintStream out) {
        out.println(shop.platform().wireName() + " shop " + shop.domain() + ":");
        long problems = findings.stream().filter(f -> f.severity() == CheckFinding.Severity.PROBLEM).count();
        findings.stream().sorted((a, b) -> b.severity().compareTo(a.severity())).forEach(f -> out.println("  "
                + switch (f.severity()) {
                    case PROBLEM -> "PROBLEM  ";
                    case WARNING -> "warning  ";
                    case OK -> "ok       ";
                } + f.text()));
        if (problems == 0) {
            out.println("all is well");
            return 0;
        }
        out.println(problems + (problems == 1 ? " thing needs" : " things need") + " fixing");
        return 1;
    }
}
