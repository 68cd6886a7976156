package loyaltyloop.orders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an order may be before we store it: amounts that are not negative and add up without overflowing, and a
 * bounded size. A webhook body may be 5 MiB (10,000 line items, a 1 MB name); a table item may not exceed 400 KB and
 * a bus event 256 KB, so a stored order keeps at most {@link #MAX_LINE_ITEMS} line items and every text at most a
 * few hundred characters, with a note of each cut. Every text is also made storable: a lone UTF-16 surrogate (which
 * JSON's {@code \ud800} escapes can carry, and no UTF-8 encoder takes) becomes U+FFFD, control characters a space.
 *
 * <p>Sized so that the largest order, every text at its longest in four-byte characters, is under 100 KB as JSON
 * (80 KB; OrderLimitsTest pins it): well inside both limits with the event's envelope.
 */
public final class OrderLimits {

    public static final int MAX_LINE_ITEMS = 50;
    static final int MAX_TITLE = 150;
    static final int MAX_NAME = 100;
    /** Ids are table keys: a longer one is no platform's and is refused, never shortened. */
    public static final int MAX_ID = 64;
    static final int MAX_ATTRIBUTES = 20;
    static final int MAX_ATTRIBUTE_VALUE = 256;
    static final int MAX_DISCOUNT_CODES = 10;
    static final int MAX_LANDING_SITE = 1024;
    /**
     * The largest amount taken, in minor units (10^15: ten trillion dollars). Real orders are far below; above it,
     * sums of a customer's orders could overflow.
     */
    static final long MAX_AMOUNT_MINOR = 1_000_000_000_000_000L;

    private OrderLimits() {
    }

    /** The order as we keep it, or why it cannot be used (a negative or absurdly large amount). */
    public static ParsedOrder apply(Order order) {
        String problem = amountProblem(order);
        if (problem != null) {
            return new ParsedOrder.Unusable(problem);
        }
        if (order.orderId().length() > MAX_ID) {
            return new ParsedOrder.Unusable("order id is longer than " + MAX_ID + " characters");
        }
        return new ParsedOrder.Usable(bounded(order));
    }

    private static String amountProblem(Order o) {
        if (o.total().minor() < 0 || o.subtotal().minor() < 0) {
            return "order total is negative";
        }
        if (o.total().minor() > MAX_AMOUNT_MINOR || o.subtotal().minor() > MAX_AMOUNT_MINOR) {
            return "order amounts are too large";
        }
        long sum = 0;
        for (LineItem item : o.lineItems()) {
            if (item.quantity() < 0 || item.price().minor() < 0) {
                return "a line item is negative";
            }
            try {
                long line = Math.multiplyExact(item.price().minor(), (long) item.quantity());
                sum = Math.addExact(sum, line);
            } catch (ArithmeticException overflow) {
                return "order amounts are too large";
            }
            if (sum > MAX_AMOUNT_MINOR) {
                return "order amounts are too large";
            }
        }
        if (o.presentment() != null && (o.presentment().total().minor() < 0 || o.presentment().subtotal().minor() < 0
                || o.presentment().linePrices().stream().anyMatch(m -> m.minor() < 0))) {
            return "order total is negative";
        }
        return null;
    }

    private static Order bounded(Order o) {
        List<String> cuts = new ArrayList<>(o.cuts());
        List<LineItem> items = new ArrayList<>();
        for (LineItem item : o.lineItems().subList(0, Math.min(MAX_LINE_ITEMS, o.lineItems().size()))) {
            items.add(new LineItem(cut(item.title(), MAX_TITLE, "a line item title", cuts), item.quantity(),
                    item.price(), cut(item.productId(), MAX_ID, "a product id", cuts)));
        }
        int omitted = o.lineItems().size() - items.size() + o.omittedLineItems();
        if (omitted > 0) {
            cuts.add(omitted + " line items not kept");
        }
        List<String> codes = new ArrayList<>();
        for (String code : o.discountCodes()) {
            if (codes.size() == MAX_DISCOUNT_CODES) {
                cuts.add((o.discountCodes().size() - MAX_DISCOUNT_CODES) + " discount codes not kept");
                break;
            }
            codes.add(cut(code, MAX_ID, "a discount code", cuts));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : o.attributes().entrySet()) {
            if (attributes.size() == MAX_ATTRIBUTES) {
                cuts.add((o.attributes().size() - MAX_ATTRIBUTES) + " attributes not kept");
                break;
            }
            attributes.putIfAbsent(cut(e.getKey(), MAX_ID, "an attribute name", cuts),
                    cut(e.getValue(), MAX_ATTRIBUTE_VALUE, "an attribute value", cuts));
        }
        Order.Presentment shown = o.presentment();
        if (shown != null && shown.linePrices().size() > items.size()) {
            shown = new Order.Presentment(shown.currency(), shown.total(), shown.subtotal(),
                    shown.linePrices().subList(0, items.size()));
        }
        return new Order(o.shop(), o.platform(), clean(o.orderId()), cut(o.orderName(), MAX_ID, "orderName", cuts),
                o.createdAt(), o.email(), cut(o.customerName(), MAX_NAME, "customerName", cuts),
                cut(o.firstName(), MAX_NAME, "firstName", cuts), cut(o.customerId(), MAX_ID, "customerId", cuts),
                cut(o.locale(), MAX_ID, "locale", cuts), o.currency(), o.total(), o.subtotal(), items, codes,
                attributes, cut(o.landingSite(), MAX_LANDING_SITE, "landingSite", cuts), o.test(),
                o.marketingConsent(), omitted, cuts, o.updatedAt(), shown);
    }

    private static String cut(String text, int max, String what, List<String> cuts) {
        if (text == null) {
            return null;
        }
        String clean = clean(text);
        if (clean.codePointCount(0, clean.length()) <= max) {
            return clean;
        }
        if (cuts.stream().noneMatch(c -> c.startsWith(what + " "))) {
            cuts.add(what + " shortened to " + max + " characters");
        }
        return clean.substring(0, clean.offsetByCodePoints(0, max - 1)) + "…";
    }

    /**
     * The text with every lone surrogate replaced by U+FFFD and every control character (a tab, a newline, NUL) by a
     * space: what any UTF-8 encoder, JSON writer and email header takes.
     */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char replacement = c;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                replacement = '\uFFFD';
            } else if (Character.isISOControl(c)) {
                replacement = ' ';
            }
            if (replacement != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement);
            }
        }
        return out == null ? text : out.toString();
    }

    /** A short, clean text for a log line or a recorded reason: at most {@code max} characters. */
    public static String shortText(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = clean(text);
        return clean.codePointCount(0, clean.length()) <= max ? clean
                : clean.substring(0, clean.offsetByCodePoints(0, max - 1)) + "…";
    }
}
