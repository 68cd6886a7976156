package loyaltyloop.platforms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import loyaltyloop.history.PastOrders;
import loyaltyloop.history.PastOrdersException;
import loyaltyloop.json.Json;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;

/**
 * A WooCommerce shop's orders through its REST API ({@code GET /wp-json/wc/v3/orders}, a REST key with read
 * access), 100 a page, oldest first, paged by page number up to {@code X-WP-TotalPages}; {@code after} or
 * {@code modified_after} (GMT) choose the window. The REST API's orders are already in the shape its order
 * webhooks send, refunds included.
 */
@Singleton
public class WooCommercePastOrders implements PastOrders {

    static final String ORDERS = "/wp-json/wc/v3/orders";
    static final int PAGE_SIZE = 100;
    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final ShopApiClient api;

    public WooCommercePastOrders(ShopApiClient api) {
        this.api = api;
    }

    @Override
    public boolean serves(Shop shop) {
        return shop.platform() == Platform.WOOCOMMERCE && PlatformReads.hasCredentials(shop);
    }

    @Override
    public Page page(Shop shop, Window window, String cursor) {
        int page = cursor == null ? 1 : Integer.parseInt(cursor);
        StringBuilder path = new StringBuilder(ORDERS).append("?per_page=").append(PAGE_SIZE).append("&page=")
                .append(page).append("&orderby=date&order=asc&dates_are_gmt=true");
        if (window.createdSince() != null) {
            path.append("&after=").append(gmt(window.createdSince()));
        } else if (window.updatedSince() != null) {
            path.append("&modified_after=").append(gmt(window.updatedSince()));
        }
        String what = "reading orders of " + shop.domain() + " (page " + page + ")";
        ShopApiClient.PagedAnswer answer;
        try {
            answer = api.wooCommerceGet(shop, path.toString(), what);
        } catch (ShopApiException e) {
            throw PlatformReads.failed(e);
        }
        if (!answer.ok()) {
            throw PlatformReads.refused(what, answer.status());
        }
        List<JsonNode> orders = new ArrayList<>();
        try {
            JsonNode list = Json.MAPPER.readTree(answer.body());
            if (!list.isArray()) {
                throw new PastOrdersException(what + ": the answer was not a list of orders",
                        PastOrdersException.Kind.FAILED);
            }
            list.forEach(orders::add);
        } catch (JsonProcessingException e) {
            throw new PastOrdersException(what + ": the answer was not JSON", PastOrdersException.Kind.RETRYABLE);
        }
        int totalPages = number(answer.header("X-WP-TotalPages"), page);
        long total = number(answer.header("X-WP-Total"), -1);
        return new Page(orders, page < totalPages && !orders.isEmpty() ? Integer.toString(page + 1) : null, total);
    }

    private static String gmt(Instant at) {
        return GMT.format(at);
    }

    private static int number(String header, int fallback) {
        try {
            return header == null ? fallback : Integer.parseInt(header.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
