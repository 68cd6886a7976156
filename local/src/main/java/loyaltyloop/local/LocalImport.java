package loyaltyloop.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import loyaltyloop.history.HistoryImport;
import loyaltyloop.history.ImportCounts;
import loyaltyloop.history.JsonLinesSource;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopDomains;
import loyaltyloop.shops.ShopStore;

/**
 * {@code POST /_local/import?shop=DOMAIN}: a history import from a JSON-lines body (one platform order per line,
 * in the shape its webhooks send), the same {@link HistoryImport} as {@code shops import --file}. It sends no email;
 * it answers with the counts once the import is done.
 */
final class LocalImport {

    static final String PATH = "/_local/import";
    /** A few years of a small shop's orders; far above what a developer posts by hand. */
    static final long MAX_BODY_BYTES = 256L * 1024 * 1024;

    private final HistoryImport imports;
    private final ShopStore shops;

    LocalImport(HistoryImport imports, ShopStore shops) {
        this.imports = imports;
        this.shops = shops;
    }

    void handle(HttpExchange exchange) throws IOException {
        String domain = query(exchange, "shop");
        if (domain == null) {
            Responses.error(exchange, 400, "expected ?shop=DOMAIN and a JSON-lines body (one order a line)");
            return;
        }
        Optional<Shop> shop = ShopDomains.normalise(domain).flatMap(shops::find);
        if (shop.isEmpty()) {
            Responses.error(exchange, 404, "no shop " + domain + " (register it with shops add)");
            return;
        }
        Optional<byte[]> body = LocalHttpServer.readLimited(exchange.getRequestBody(), MAX_BODY_BYTES);
        if (body.isEmpty()) {
            Responses.error(exchange, 413, "the body is larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MiB");
            return;
        }
        JsonLinesSource source = new JsonLinesSource(body.get());
        HistoryImport.Result result = imports.run(shop.get(), source,
                progress -> System.out.println("import " + shop.get().domain() + ": " + progress.describe()));
        ImportCounts c = result.counts();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("shop", shop.get().domain());
        answer.put("ordersRead", c.ordersRead());
        answer.put("ordersImported", c.ordersImported());
        answer.put("ordersKnown", c.ordersKnown());
        answer.put("ordersSkipped", c.ordersSkipped());
        answer.put("refunds", c.refunds());
        answer.put("customers", c.customers());
        answer.put("overdue", c.overdue());
        answer.put("resumed", result.resumed());
        Responses.json(exchange, 200, answer);
    }

    static String query(HttpExchange exchange, String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).trim();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}
