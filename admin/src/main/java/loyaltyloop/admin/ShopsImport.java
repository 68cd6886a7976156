package loyaltyloop.admin;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import loyaltyloop.history.HistoryImport;
import loyaltyloop.history.ImportCounts;
import loyaltyloop.history.JsonLinesSource;
import loyaltyloop.history.OrderSource;
import loyaltyloop.history.PastOrders;
import loyaltyloop.history.PastOrdersException;
import loyaltyloop.history.PlatformOrderSource;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopDomains;
import loyaltyloop.shops.ShopStore;

/**
 * {@code shops import --domain D [--since DATE | --file orders.jsonl]}: takes the shop's past orders into the loop
 * (docs/import.md) from its platform's API, or from a file of orders in their webhook shape. Sends nothing. Prints
 * its progress; stopped or failed, running the same command again continues where it stopped.
 */
final class ShopsImport {

    static final String USAGE = """
                   java -jar admin/target/loyalty-admin.jar shops import --domain DOMAIN [--since 2024-01-01]
                     [--file orders.jsonl]   (one platform order a line, in the shape its order webhook sends;
                                              without it the orders are read through the shop's API)
                     [--region REGION --table TABLE [--stack loyalty-loop]] | [--aws-endpoint URL [--table LoyaltyTable]]
              Takes the shop's past orders into the loop without sending anything: order counts, spend, consent,
              referral codes and the 90-45 schedule (customers already overdue are spread over the next
              history.overdueSpreadDays days). Safe to repeat; an interrupted import continues where it stopped.
              The API read uses the shop's API credentials (--coupon-api-credentials of shops add): Shopify
              read_orders + read_all_orders + read_customers, WooCommerce a REST key with read access.""";

    private static final Set<String> FLAGS = Set.of("region", "table", "stack", "aws-endpoint", "domain", "since",
            "file");

    private ShopsImport() {
    }

    /** {@code shops import}, parsed. */
    record Request(ShopsCommand.Target target, String domain, Instant since, Path file) {
    }

    static Request parse(List<String> args) {
        Flags flags = Flags.parse(args, FLAGS);
        String domain = ShopDomains.normalise(flags.required("domain"))
                .orElseThrow(() -> new Flags.UsageException("--domain is not a shop domain: " + flags.get("domain")));
        String since = flags.get("since");
        String file = flags.get("file");
        if (since != null && file != null) {
            throw new Flags.UsageException("--since reads the shop's API; a --file is imported whole");
        }
        Instant from = null;
        if (since != null) {
            try {
                from = LocalDate.parse(since.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new Flags.UsageException("--since must be a date like 2024-01-01: " + since);
            }
        }
        return new Request(ShopsCommand.Target.of(flags), domain, from, file == null ? null : Path.of(file));
    }

    static int run(List<String> args) {
        return run(parse(args), System.out, System.err);
    }

    static int run(Request request, PrintStream out, PrintStream err) {
        try (ApplicationContext context = request.target().start()) {
            Optional<Shop> shop = context.getBean(ShopStore.class).find(request.domain());
            if (shop.isEmpty()) {
                err.println("no shop " + request.domain() + " in " + request.target().describe()
                        + ": register it with shops add first");
                return 1;
            }
            OrderSource source;
            if (request.file() != null) {
                try {
                    source = new JsonLinesSource(Files.readAllBytes(request.file()));
                } catch (IOException e) {
                    err.println("cannot read " + request.file() + ": " + e.getClass().getSimpleName());
                    return 1;
                }
            } else {
                Collection<PastOrders> platforms = context.getBeansOfType(PastOrders.class);
                Optional<PastOrders> platform = platforms.stream().filter(p -> p.serves(shop.get())).findFirst();
                if (platform.isEmpty()) {
                    err.println(shop.get().domain() + " has no API credentials: add them with shops add --domain "
                            + shop.get().domain() + " --coupon-api-credentials ..., or import a --file");
                    return 1;
                }
                source = new PlatformOrderSource(shop.get(), platform.get(), PastOrders.Window.createdSince(
                        request.since() == null ? Instant.EPOCH : request.since()));
            }
            out.println("importing the orders of " + shop.get().domain() + " into " + request.target().describe());
            try {
                HistoryImport.Result result = context.getBean(HistoryImport.class).run(shop.get(), source,
                        progress -> out.println("  " + progress.describe()));
                ImportCounts c = result.counts();
                out.println((result.resumed() ? "continued and done: " : "done: ") + c.ordersRead() + " orders read, "
                        + c.ordersImported() + " imported, " + c.ordersKnown() + " already known, "
                        + c.ordersSkipped() + " skipped (test, unpaid or without an email address), " + c.refunds()
                        + " refunds, " + c.customers() + " customers; " + c.overdue()
                        + " were overdue and get their follow-up over the next "
                        + shop.get().settings().history().overdueSpreadDays() + " days. Nothing was sent.");
                return 0;
            } catch (PastOrdersException e) {
                err.println("the import stopped: " + e.getMessage());
                err.println("what was read is kept; run the same command again to continue"
                        + (e.credentialsRefused() ? " once the credentials work (shops check)" : ""));
                return 1;
            }
        }
    }

}
