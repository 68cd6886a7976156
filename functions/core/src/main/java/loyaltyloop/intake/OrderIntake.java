package loyaltyloop.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.orders.CustomerEmails;
import loyaltyloop.events.EventPublisher;
import loyaltyloop.json.Json;
import loyaltyloop.metrics.LoopMetrics;
import loyaltyloop.secrets.SecretSource;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopDomains;
import loyaltyloop.shops.ShopStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import loyaltyloop.orders.DeliveryRecord;
import loyaltyloop.orders.JsonFields;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderCancelled;
import loyaltyloop.orders.OrderLimits;
import loyaltyloop.orders.OrderPlaced;
import loyaltyloop.orders.OrderRefunded;
import loyaltyloop.orders.OrderStatus;
import loyaltyloop.orders.OrderStore;
import loyaltyloop.orders.ParsedOrder;
import loyaltyloop.orders.ShopifyOrders;
import loyaltyloop.orders.StoredOrder;
import loyaltyloop.orders.WooCommerceOrders;
import loyaltyloop.privacy.CustomerDataRequested;
import loyaltyloop.privacy.CustomerRedactRequested;
import loyaltyloop.privacy.PersonalFields;
import loyaltyloop.privacy.ShopRedactRequested;

/**
 * Turns a shop's webhook call into a verified, de-duplicated, stored order and publishes {@code OrderPlaced}
 * once per order.
 *
 * <p>Publishing survives a crash: the delivery record that proves the event went out is written only after
 * publishing. A later delivery of the same order that finds no such record, after {@link #PUBLISH_LEASE}, takes
 * the publishing over (consumers are idempotent, so a rare second event is harmless).
 */
@Singleton
@Requires(beans = EventPublisher.class) // only the functions that publish have an EventPublisher; elsewhere this is no bean
public class OrderIntake {

    public static final int MAX_BODY_BYTES = 5 * 1024 * 1024;
    static final Duration PUBLISH_LEASE = Duration.ofSeconds(30);
    static final Duration DELIVERY_RETENTION = Duration.ofDays(8);
    /**
     * How old a shop's item read by this container may be when a delivery is checked against it: one read a minute
     * instead of one per delivery. A change to a shop (its secret's reference, an uninstall, settings) reaches intake
     * within this time; a change made through this container's own store reaches it at once.
     */
    static final Duration SHOP_MAX_AGE = Duration.ofMinutes(1);
    private static final Pattern WOO_PING = Pattern.compile("^webhook_id=\\d{1,20}$");
    private static final Logger LOG = LoggerFactory.getLogger(OrderIntake.class);

    private final ShopStore shops;
    private final SecretSource secrets;
    private final OrderStore orders;
    private final CustomerAccounts customers;
    private final EventPublisher events;
    private final Clock clock;
    private final LoopMetrics metrics;

    public OrderIntake(ShopStore shops, SecretSource secrets, OrderStore orders, CustomerAccounts customers,
            EventPublisher events, Clock clock, LoopMetrics metrics) {
        this.metrics = metrics;
        this.shops = shops;
        this.secrets = secrets;
        this.orders = orders;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    public IntakeResult receive(WebhookDelivery delivery) {
        IntakeResult result = take(delivery);
        // Refusals and pings are not counted here: the API's own 4xx metrics count those.
        if (result instanceof IntakeResult.Accepted) {
            metrics.orderAccepted();
        } else if (result instanceof IntakeResult.Duplicate) {
            metrics.orderDuplicate();
        } else if (result instanceof IntakeResult.Ignored ignored) {
            metrics.orderIgnored(ignored.reason());
        }
        return result;
    }

    private IntakeResult take(WebhookDelivery delivery) {
        if (delivery.body().length > MAX_BODY_BYTES) {
            return IntakeResult.tooLarge();
        }
        if (isWooCommercePing(delivery)) {
            return IntakeResult.ping();
        }
        Optional<Shop> shop = ShopDomains.normalise(delivery.shopSource()).flatMap(d -> shops.find(d, SHOP_MAX_AGE))
                .filter(s -> s.platform() == delivery.platform());
        if (shop.isEmpty()) {
            return IntakeResult.unauthorized();
        }
        // A Dev Dashboard app's deliveries are signed with its client secret; admin-made webhooks with the shop's own.
        Optional<String> secret = secrets.secret(shop.get().signingSecretRef());
        if (secret.isEmpty()) {
            LOG.warn("shop {} has no signing secret at its reference; every delivery is refused", shop.get().domain());
            return IntakeResult.unauthorized();
        }
        if (!WebhookSignature.matches(secret.get(), delivery.body(), delivery.signature())) {
            return IntakeResult.unauthorized();
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(delivery.body());
        } catch (JsonProcessingException | RuntimeException e) {
            return IntakeResult.badRequest("body is not JSON");
        } catch (java.io.IOException e) {
            return IntakeResult.badRequest("body is not JSON");
        }
        if (body == null || body.isMissingNode()) {
            return IntakeResult.badRequest("body is not JSON");
        }
        String deliveryId = deliveryId(delivery);
        String topic = delivery.topic() == null ? "" : delivery.topic().trim().toLowerCase(Locale.ROOT);
        Received received = new Received(shop.get(), deliveryId, topic, body, delivery.linkBaseUrl());
        // An order's own conditional write tells a repeated delivery from a new one (place); every other delivery
        // reads its record first.
        if (!placesOrder(received) && orders.findDelivery(shop.get().domain(), deliveryId).isPresent()) {
            return IntakeResult.duplicate();
        }
        return delivery.platform() == Platform.SHOPIFY ? shopify(received) : wooCommerce(received);
    }

    /**
     * An order (or refund) the shop's API shows and no webhook brought, handled exactly as its webhook would have
     * been (reconciliation): the shop is already known and the body came from its API, so there is no signature.
     *
     * @param deliveryId stands in for the platform's delivery id; the same id for the same change de-duplicates
     */
    public IntakeResult recover(Shop shop, String topic, String deliveryId, JsonNode body, String linkBaseUrl) {
        Received received = new Received(shop, deliveryId, topic, body, linkBaseUrl);
        if (!placesOrder(received) && orders.findDelivery(shop.domain(), deliveryId).isPresent()) {
            return IntakeResult.duplicate();
        }
        return shop.platform() == Platform.SHOPIFY ? shopify(received) : wooCommerce(received);
    }

    /** Whether the delivery goes to {@link #place}, which detects a repeat of itself. */
    private static boolean placesOrder(Received r) {
        if (r.shop.platform() == Platform.SHOPIFY) {
            return switch (r.topic) {
                case ShopifyTopics.ORDERS_CREATE, ShopifyTopics.ORDERS_PAID, ShopifyTopics.ORDERS_UPDATED,
                        ShopifyTopics.ORDERS_FULFILLED, ShopifyTopics.ORDERS_PARTIALLY_FULFILLED -> true;
                default -> false;
            };
        }
        return switch (r.topic) {
            case "order.created", "order.updated", "order.restored" -> switch (WooCommerceOrders.status(r.body)) {
                case "cancelled", "failed", "pending" -> false;
                default -> true;
            };
            default -> false;
        };
    }

    private IntakeResult shopify(Received r) {
        return switch (r.topic) {
            case ShopifyTopics.ORDERS_CREATE, ShopifyTopics.ORDERS_PAID, ShopifyTopics.ORDERS_UPDATED,
                    ShopifyTopics.ORDERS_FULFILLED, ShopifyTopics.ORDERS_PARTIALLY_FULFILLED ->
                    place(r, ShopifyOrders.parse(r.body, r.shop));
            case ShopifyTopics.ORDERS_CANCELLED -> cancel(r, ShopifyOrders.parse(r.body, r.shop));
            case ShopifyTopics.REFUNDS_CREATE -> shopifyRefund(r);
            case ShopifyTopics.APP_UNINSTALLED -> uninstalled(r);
            case ShopifyTopics.CUSTOMERS_DATA_REQUEST, ShopifyTopics.CUSTOMERS_REDACT, ShopifyTopics.SHOP_REDACT ->
                    compliance(r);
            default -> ignore(r, null, "topic " + OrderLimits.shortText(r.topic, 60) + " is not handled");
        };
    }

    /**
     * The shop removed our app: from now on no email goes out for it ({@link Shop#mailAllowed}), while its data
     * stays until {@code shop/redact}. Registering the shop again ({@code shops add}) resumes the loop.
     */
    private IntakeResult uninstalled(Received r) {
        shops.markUninstalled(r.shop.domain(), clock.instant());
        record(r, null, "accepted", null);
        LOG.warn("the app was uninstalled from {}: no more email goes out for it", r.shop.domain());
        return IntakeResult.accepted();
    }

    /**
     * Shopify's compliance topics: the request is put on the bus for the privacy function (recorded by EventBridge,
     * retried, dead-lettered) and answered 200 at once; an erasure or a shop's deletion can take longer than
     * Shopify waits. The payload's shop must be the signed one.
     */
    private IntakeResult compliance(Received r) {
        String domain = ShopDomains.normalise(JsonFields.text(r.body, "shop_domain")).orElse(null);
        if (domain != null && !domain.equals(r.shop.domain())) {
            return ignore(r, null, r.topic + " names another shop");
        }
        JsonNode customer = r.body.path("customer");
        String email = CustomerEmails.normalise(JsonFields.text(customer, "email")).orElse(null);
        java.util.List<String> orderIds = new java.util.ArrayList<>();
        JsonNode listed = r.body.path(r.topic.equals(ShopifyTopics.CUSTOMERS_DATA_REQUEST) ? "orders_requested" : "orders_to_redact");
        if (listed.isArray()) {
            listed.forEach(id -> {
                if (id.isIntegralNumber() || id.isTextual()) {
                    orderIds.add(id.asText());
                }
            });
        }
        switch (r.topic) {
            case ShopifyTopics.CUSTOMERS_DATA_REQUEST -> {
                String requestId = JsonFields.id(r.body.path("data_request"), "id");
                if (requestId == null) {
                    return ignore(r, null, "data request has no data_request.id");
                }
                if (email == null && orderIds.isEmpty()) {
                    return ignore(r, null, "data request names no customer email and no order");
                }
                events.publish(new CustomerDataRequested(r.shop.domain(), email, requestId, orderIds));
            }
            case ShopifyTopics.CUSTOMERS_REDACT -> {
                if (email == null && orderIds.isEmpty()) {
                    return ignore(r, null, "redact request names no customer email and no order");
                }
                events.publish(new CustomerRedactRequested(r.shop.domain(), email, orderIds));
            }
            default -> events.publish(new ShopRedactRequested(r.shop.domain(), null));
        }
        record(r, null, "accepted", null);
        LOG.info("{} for {} of {} passed to the privacy function", r.topic, CustomerEmails.mask(email), r.shop.domain());
        return IntakeResult.accepted();
    }

    private IntakeResult wooCommerce(Received r) {
        String status = WooCommerceOrders.status(r.body);
        return switch (r.topic) {
            case "order.created", "order.updated", "order.restored" -> switch (status) {
                case "cancelled", "failed" -> cancel(r, WooCommerceOrders.parse(r.body, r.shop));
                // Not paid yet: the update that moves it to processing places it.
                case "pending" -> ignore(r, JsonFields.id(r.body, "id"), "order is awaiting payment");
                default -> {
                    IntakeResult placed = place(r, WooCommerceOrders.parse(r.body, r.shop));
                    yield placed == REPEAT ? IntakeResult.duplicate() : wooRefunds(r, placed);
                }
            };
            case "order.deleted" -> deleted(r);
            default -> ignore(r, null, "topic " + OrderLimits.shortText(r.topic, 60) + " is not handled");
        };
    }

    private IntakeResult place(Received r, ParsedOrder parsed) {
        if (parsed instanceof ParsedOrder.Unusable unusable) {
            if (orders.findDelivery(r.shop.domain(), r.deliveryId).isPresent()) {
                return REPEAT;
            }
            return ignore(r, JsonFields.id(r.body, "id"), unusable.reason());
        }
        Order order = ((ParsedOrder.Usable) parsed).order();
        Instant now = clock.instant();
        OrderStore.OrderCreation creation = orders.create(new StoredOrder(order, OrderStatus.PLACED, r.deliveryId, now));
        if (creation.created()) {
            publishPlaced(r.shop, order, r.linkBaseUrl, now);
            if (creation.refundsWaiting()) {
                applyEarlyRefunds(r.shop, order);
            }
            record(r, order.orderId(), "accepted", null);
            LOG.info("order {} of {} accepted for {}", order.orderId(), r.shop.domain(), CustomerEmails.mask(order.email()));
            return IntakeResult.accepted();
        }
        StoredOrder existing = creation.existing();
        boolean broughtIt = r.deliveryId.equals(existing.createdByDelivery());
        // This very delivery handled before (the shop's retry): nothing to do, nothing written.
        if (broughtIt ? published(existing) : orders.findDelivery(r.shop.domain(), r.deliveryId).isPresent()) {
            return REPEAT;
        }
        if (PersonalFields.isErased(existing.order())) {
            // Its customer was erased: a late delivery of it must not bring them back.
            return ignore(r, order.orderId(), "order's customer data was erased");
        }
        if (existing.status() == OrderStatus.PLACED && (broughtIt || !published(existing))) {
            if (existing.storedAt().plus(PUBLISH_LEASE).isBefore(now)
                    && orders.takeOverPublishing(r.shop.domain(), order.orderId(), existing.storedAt(), now)) {
                LOG.warn("order {} of {} was stored but its event not confirmed; publishing it again",
                        order.orderId(), r.shop.domain());
                publishPlaced(r.shop, existing.order(), r.linkBaseUrl, existing.storedAt());
                // The call that died may not have reached the refunds that came before the order.
                applyEarlyRefunds(r.shop, existing.order());
                record(new Received(r.shop, existing.createdByDelivery(), r.topic, r.body, r.linkBaseUrl),
                        order.orderId(), "accepted", null);
                record(r, order.orderId(), "duplicate", null);
                return IntakeResult.accepted();
            }
            // Another call is publishing it right now, or failed or died doing so (a write AWS applied after we gave
            // up on it). Not recorded. The delivery that brought the order is then the shop's retry of a call that did
            // not finish: it hears "not yet" (503) and is tried again, and a retry after the lease publishes. Any other
            // delivery of the order is a duplicate: the first one's retries see to the event.
            return broughtIt ? IntakeResult.busy() : IntakeResult.duplicate();
        }
        if (existing.status() == OrderStatus.PLACED && !existing.order().equals(order)) {
            // A later delivery (orders/updated, a late orders/paid) carries the order as it is now, unless a retry
            // brought an older version after a newer one. The order stays with the customer who placed it: its spend
            // is on their account, so its refunds and cancellation must be too, whatever address it has since.
            if (!orders.replaceIfNewer(order.withEmail(existing.order().email()))) {
                LOG.info("delivery {} of {} carries an older version of order {}; kept the newer one",
                        r.deliveryId, r.shop.domain(), order.orderId());
            }
        }
        record(r, order.orderId(), "duplicate", null);
        return IntakeResult.duplicate();
    }

    private void publishPlaced(Shop shop, Order order, String linkBaseUrl, Instant storedAt) {
        int number = customers.recordOrder(shop, order);
        try {
            events.publish(new OrderPlaced(shop.domain(), order.orderId(), number, linkBaseUrl, order));
        } catch (RuntimeException e) {
            // Let the shop's retry publish at once instead of waiting out the lease.
            orders.takeOverPublishing(shop.domain(), order.orderId(), storedAt, Instant.EPOCH);
            throw e;
        }
    }

    private IntakeResult cancel(Received r, ParsedOrder parsed) {
        if (parsed instanceof ParsedOrder.Unusable unusable) {
            return ignore(r, JsonFields.id(r.body, "id"), unusable.reason());
        }
        Order order = ((ParsedOrder.Usable) parsed).order();
        Instant now = clock.instant();
        boolean created = orders.createOrder(new StoredOrder(order, OrderStatus.CANCELLED, r.deliveryId, now));
        if (created) {
            // A cancellation that arrives first: nothing to thank for and nothing spent.
            events.publish(new OrderCancelled(r.shop.domain(), order.orderId(), order.email()));
        } else {
            cancelExisting(r.shop, order.orderId());
        }
        record(r, order.orderId(), "accepted", null);
        return IntakeResult.accepted();
    }

    private IntakeResult deleted(Received r) {
        String orderId = JsonFields.id(r.body, "id");
        if (orderId == null || tooLong(orderId) || orders.findOrder(r.shop.domain(), orderId).isEmpty()) {
            return ignore(r, orderId, "deleted order is unknown");
        }
        cancelExisting(r.shop, orderId);
        record(r, orderId, "accepted", null);
        return IntakeResult.accepted();
    }

    private void cancelExisting(Shop shop, String orderId) {
        StoredOrder existing = orders.findOrder(shop.domain(), orderId).orElseThrow();
        Order o = existing.order();
        if (existing.status() != OrderStatus.CANCELLED && orders.markCancelled(shop.domain(), orderId)) {
            // A cancelled order is no spend: take back what its refunds have not taken back already.
            long remaining = o.total().minor() - orders.refundedMinor(shop.domain(), orderId);
            if (remaining > 0) {
                customers.recordRefund(shop.domain(), o.email(), new Money(remaining, o.currency()));
            }
        }
        // Published after the spend changed, so consumers see the customer as the cancellation left them; and by
        // every delivery not handled before (a retry after a crash here too): consumers are idempotent.
        events.publish(new OrderCancelled(shop.domain(), orderId, o.email()));
    }

    private IntakeResult shopifyRefund(Received r) {
        String orderId = JsonFields.id(r.body, "order_id");
        String refundId = JsonFields.id(r.body, "id");
        if (orderId == null || refundId == null) {
            return ignore(r, orderId, "refund has no order_id or id");
        }
        if (tooLong(orderId) || tooLong(refundId)) {
            return ignore(r, orderId, "refund has an id that is too long");
        }
        Optional<StoredOrder> order = orders.findOrder(r.shop.domain(), orderId);
        if (order.isEmpty()) {
            return keepEarlyRefund(r, orderId, refundId);
        }
        String currency = order.get().order().currency();
        Money amount = Money.zero(currency);
        JsonNode transactions = JsonFields.array(r.body, "transactions");
        try {
            if (transactions != null) {
                for (JsonNode t : transactions) {
                    if ("refund".equalsIgnoreCase(JsonFields.text(t, "kind"))
                            && "success".equalsIgnoreCase(JsonFields.text(t, "status"))) {
                        String txCurrency = Optional.ofNullable(JsonFields.text(t, "currency")).orElse(currency);
                        if (txCurrency.equalsIgnoreCase(currency)) {
                            amount = amount.plus(Money.of(JsonFields.decimal(t, "amount"), currency));
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            return ignore(r, orderId, "refund has an unreadable amount");
        }
        applyRefund(r.shop, order.get(), refundId, amount);
        record(r, orderId, "accepted", null);
        return IntakeResult.accepted();
    }

    /**
     * A refund can overtake its order (Shopify does not order deliveries): kept with the amount its transactions
     * give, in their currency, and applied when the order arrives ({@link #applyEarlyRefunds}).
     */
    private IntakeResult keepEarlyRefund(Received r, String orderId, String refundId) {
        Money amount = null;
        JsonNode transactions = JsonFields.array(r.body, "transactions");
        try {
            if (transactions != null) {
                for (JsonNode t : transactions) {
                    if ("refund".equalsIgnoreCase(JsonFields.text(t, "kind"))
                            && "success".equalsIgnoreCase(JsonFields.text(t, "status"))) {
                        String txCurrency = Optional.ofNullable(JsonFields.text(t, "currency")).orElse(r.shop.currency())
                                .toUpperCase(Locale.ROOT);
                        Money part = Money.of(JsonFields.decimal(t, "amount"), txCurrency);
                        if (amount == null) {
                            amount = part;
                        } else if (amount.currency().equals(txCurrency)) {
                            amount = amount.plus(part);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            return ignore(r, orderId, "refund has an unreadable amount");
        }
        if (amount == null || amount.minor() < 0) {
            return ignore(r, orderId, "refund for an order we have not received has no refunded amount");
        }
        orders.recordEarlyRefund(r.shop.domain(), orderId, refundId, amount, clock.instant());
        if (!orders.markRefundsWaiting(r.shop.domain(), orderId)) {
            // The order was stored since we looked, without seeing this refund: its retry applies it as a refund
            // of a stored order, once the order's own call has counted it for its customer.
            return IntakeResult.busy();
        }
        record(r, orderId, "accepted", "refund kept until its order arrives");
        LOG.info("refund {} of order {} at {} came before its order; kept", OrderLimits.shortText(refundId, 64),
                OrderLimits.shortText(orderId, 64), r.shop.domain());
        return IntakeResult.accepted();
    }

    /** Applies the refunds that came before the order, once each, now that the customer's spend counts it. */
    private void applyEarlyRefunds(Shop shop, Order order) {
        for (OrderStore.EarlyRefund early : orders.earlyRefunds(shop.domain(), order.orderId())) {
            if (!orders.takeEarlyRefund(shop.domain(), order.orderId(), early.refundId())) {
                continue;
            }
            Money amount = early.amount();
            if (!amount.currency().equals(order.currency())) {
                // Paid in another currency than the order's amounts: no exact spend change to make.
                LOG.warn("refund {} of order {} at {} is in {}, the order in {}; its amount is not applied",
                        early.refundId(), order.orderId(), shop.domain(), amount.currency(), order.currency());
                amount = Money.zero(order.currency());
            }
            customers.recordRefund(shop.domain(), order.email(), amount);
            events.publish(new OrderRefunded(shop.domain(), order.orderId(), order.email(), early.refundId(), amount));
            orders.markRefundPublished(shop.domain(), order.orderId(), early.refundId());
        }
    }

    /** WooCommerce reports refunds inside the order ({@code refunds: [{id, total: "-10.00"}]}). */
    private IntakeResult wooRefunds(Received r, IntakeResult placed) {
        JsonNode refunds = JsonFields.array(r.body, "refunds");
        String orderId = JsonFields.id(r.body, "id");
        if (refunds == null || refunds.isEmpty() || orderId == null || placed instanceof IntakeResult.Ignored) {
            return placed;
        }
        Optional<StoredOrder> order = orders.findOrder(r.shop.domain(), orderId);
        if (order.isEmpty()) {
            return placed;
        }
        for (JsonNode refund : refunds) {
            String refundId = JsonFields.id(refund, "id");
            var total = JsonFields.decimal(refund, "total");
            if (refundId != null && !tooLong(refundId) && total != null) {
                try {
                    applyRefund(r.shop, order.get(), refundId, Money.of(total.abs(), order.get().order().currency()));
                } catch (IllegalArgumentException e) {
                    LOG.warn("refund {} of order {} has an unreadable amount", refundId, orderId);
                }
            }
        }
        return placed;
    }

    /**
     * A refund changes the customer's spend once (the refund item's conditional write decides) and is published
     * until it is known to be out: WooCommerce repeats every refund in each later order.updated.
     */
    private void applyRefund(Shop shop, StoredOrder order, String refundId, Money amount) {
        Order o = order.order();
        Optional<Boolean> published = orders.refundPublished(shop.domain(), o.orderId(), refundId);
        if (published.orElse(false)) {
            return;
        }
        if (published.isPresent() && orders.takeEarlyRefund(shop.domain(), o.orderId(), refundId)) {
            // Kept before its order and not applied since; a cancellation left its amount for it to take back.
            customers.recordRefund(shop.domain(), o.email(), amount);
        } else if (published.isEmpty()
                && orders.recordRefund(shop.domain(), o.orderId(), refundId, amount, clock.instant())
                && order.status() != OrderStatus.CANCELLED) {
            // A cancelled order's spend was taken back whole when it was cancelled.
            customers.recordRefund(shop.domain(), o.email(), amount);
        }
        events.publish(new OrderRefunded(shop.domain(), o.orderId(), o.email(), refundId, amount));
        orders.markRefundPublished(shop.domain(), o.orderId(), refundId);
    }

    private IntakeResult ignore(Received r, String orderId, String reason) {
        String shortReason = OrderLimits.shortText(reason, 300);
        record(r, orderId, "ignored", shortReason);
        LOG.info("delivery {} of {} ignored: {}", OrderLimits.shortText(r.deliveryId, 100), r.shop.domain(), shortReason);
        return IntakeResult.ignored(shortReason);
    }

    /** Ids are table keys; no platform's is this long. */
    private static boolean tooLong(String id) {
        return id.length() > OrderLimits.MAX_ID;
    }

    private boolean published(StoredOrder order) {
        // An imported order owes no event: its webhook arriving later must not thank for it.
        return order.imported() || orders.findDelivery(order.order().shop(), order.createdByDelivery()).isPresent();
    }

    /** Every text from the call is shortened: a record must fit a table item whatever the body held. */
    private void record(Received r, String orderId, String outcome, String reason) {
        Instant now = clock.instant();
        orders.recordDelivery(new DeliveryRecord(r.shop.domain(), r.deliveryId, OrderLimits.shortText(r.topic, 100),
                OrderLimits.shortText(orderId, 100), outcome, OrderLimits.shortText(reason, 300), now),
                now.plus(DELIVERY_RETENTION));
    }

    private static boolean isWooCommercePing(WebhookDelivery d) {
        if (d.platform() != Platform.WOOCOMMERCE || (d.signature() != null && !d.signature().isBlank())) {
            return false;
        }
        String body = new String(d.body(), StandardCharsets.UTF_8).trim();
        return WOO_PING.matcher(body).matches();
    }

    /** Platforms always send one; without it the body's hash stands in, so exact repeats still de-duplicate. */
    private static String deliveryId(WebhookDelivery d) {
        if (d.deliveryId() != null && !d.deliveryId().isBlank() && d.deliveryId().length() <= 200) {
            return d.deliveryId().trim();
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(d.body()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@link #place} answers a repeat of a delivery it handled before: a duplicate, with nothing more to do. */
    private static final IntakeResult REPEAT = IntakeResult.duplicate();

    private record Received(Shop shop, String deliveryId, String topic, JsonNode body, String linkBaseUrl) {
    }
}
