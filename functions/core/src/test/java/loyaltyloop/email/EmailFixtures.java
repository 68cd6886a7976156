package loyaltyloop.email;

import java.time.Instant;
import java.util.List;
import loyaltyloop.orders.LineItem;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.Orders;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.affirmation.AffirmationView;

/** Small builders for shops, orders and views used by the email tests. */
final class EmailFixtures {

    static final String REFERRAL_URL = "https://links.example.com/r/K7QX4MZP";
    static final String UNSUBSCRIBE_URL = "https://links.example.com/u/eyJ0.c2ln-_x?a=1&b=2";

    private EmailFixtures() {
    }

    static Shop shop(String senderName, String defaultLocale, String currency) {
        return new Shop("demo.myshopify.com", Platform.SHOPIFY, "https://demo.myshopify.com",
                "hello@demo.example", senderName, "owner@demo.example", defaultLocale, currency,
                "/loyalty-loop/test/shops/demo.myshopify.com/webhook-secret");
    }

    static Order order(String locale, String firstName, String orderName, String currency, List<LineItem> items) {
        Money total = Money.zero(currency);
        for (LineItem item : items) {
            total = total.plus(item.lineTotal());
        }
        return Orders.anOrder().shop("demo.myshopify.com").orderId("820982911946154508").orderName(orderName)
                .createdAt(Instant.parse("2025-03-01T10:15:30Z")).email("jane@example.com")
                .customer(firstName == null ? "" : firstName + " Doe", firstName).customerId("115310627314723954")
                .locale(locale).currency(currency).total(total).lineItems(items)
                .marketingConsent(MarketingConsent.GRANTED).build();
    }

    static LineItem item(String title, int quantity, String price, String currency) {
        return new LineItem(title, quantity, Money.parse(price, currency), "632910392");
    }

    static AffirmationView view(Shop shop, Order order, int customerOrderNumber) {
        return new AffirmationView(shop, order, customerOrderNumber, REFERRAL_URL, UNSUBSCRIBE_URL);
    }

    /** A USD order from Jane with two lines ($119.80 in all) at "Demo Shop". */
    static AffirmationView usdView(String locale, String firstName, int customerOrderNumber) {
        Order order = order(locale, firstName, "#1001", "USD", List.of(
                item("Ceramic Mug", 2, "19.95", "USD"),
                item("Pour-over Kettle", 1, "79.90", "USD")));
        return view(shop("Demo Shop", "en", "USD"), order, customerOrderNumber);
    }
}
