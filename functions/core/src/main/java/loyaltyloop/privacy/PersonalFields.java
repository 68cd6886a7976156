package loyaltyloop.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import loyaltyloop.orders.LineItem;
import loyaltyloop.orders.Order;

/**
 * What of an order is the person and what is the shop's accounting: after erasure an order keeps its id, number,
 * date, amounts, currency, line items, discount codes and status; its email becomes a pseudonym and its names,
 * platform customer id, attributes and landing page go.
 */
public final class PersonalFields {

    /** How an erased address starts: never a deliverable address, and recognisable in an order. */
    public static final String PSEUDONYM_PREFIX = "erased:";

    private PersonalFields() {
    }

    /**
     * A one-way stand-in for an address in a shop: the same for the same customer (so repeated erasures and
     * de-duplication agree), and not an address, so nothing can be mailed to it.
     */
    public static String pseudonym(String shop, String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    ("loyalty-loop erased customer\u0000" + shop + "\u0000" + email).getBytes(StandardCharsets.UTF_8));
            return PSEUDONYM_PREFIX + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean isErased(Order order) {
        return order.email() != null && order.email().startsWith(PSEUDONYM_PREFIX);
    }

    /** The order without the person. */
    public static Order withoutPerson(Order o, String pseudonym) {
        List<LineItem> items = o.lineItems();
        return new Order(o.shop(), o.platform(), o.orderId(), o.orderName(), o.createdAt(), pseudonym, null, null,
                null, null, o.currency(), o.total(), o.subtotal(), items, o.discountCodes(), Map.of(), null, o.test(),
                o.marketingConsent());
    }
}
