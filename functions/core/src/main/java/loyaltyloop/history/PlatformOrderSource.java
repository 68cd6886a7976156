package loyaltyloop.history;

import loyaltyloop.shops.Shop;

/** A shop's orders created since a date, read through its platform's API ({@code shops import --domain D}). */
public record PlatformOrderSource(Shop shop, PastOrders platform, PastOrders.Window window) implements OrderSource {

    @Override
    public String key() {
        return "api:" + window.describe();
    }

    @Override
    public Page page(String cursor) {
        PastOrders.Page page = platform.page(shop, window, cursor);
        return new Page(page.orders(), page.nextCursor(), page.totalOrders());
    }
}
