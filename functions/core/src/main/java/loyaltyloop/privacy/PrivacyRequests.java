package loyaltyloop.privacy;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import loyaltyloop.events.EventPublisher;
import loyaltyloop.orders.CustomerEmails;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The privacy function's work: a data request mailed, a customer erased, a shop deleted in the background. */
@Singleton
public class PrivacyRequests {

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyRequests.class);

    private final ShopStore shops;
    private final DataExportMailing export;
    private final CustomerErasure erasure;
    private final PersonalData data;
    private final EventPublisher events;

    public PrivacyRequests(ShopStore shops, DataExportMailing export, CustomerErasure erasure, PersonalData data,
            EventPublisher events) {
        this.shops = shops;
        this.export = export;
        this.erasure = erasure;
        this.data = data;
        this.events = events;
    }

    public enum Result { EXPORTED, ALREADY_EXPORTED, NOT_MAILED_APP_UNINSTALLED, ERASED, NOTHING_STORED, UNKNOWN_SHOP, UNKNOWN_CUSTOMER, SHOP_ERASED,
        SHOP_ERASURE_CONTINUES }

    public Result onDataRequest(CustomerDataRequested request) {
        Optional<Shop> shop = shops.findForMail(request.shop());
        if (shop.isEmpty()) {
            if (shops.find(request.shop()).isEmpty()) {
                return Result.UNKNOWN_SHOP;
            }
            // An uninstalled shop gets no mail of any kind; its owner can still export by hand.
            LOG.warn("data request {} of {}: the app is uninstalled, so no email goes out; answer it with"
                    + " shops customers export", request.requestId(), request.shop());
            return Result.NOT_MAILED_APP_UNINSTALLED;
        }
        Optional<String> email = erasure.whoseOrders(request.shop(), request.email(), request.orders());
        if (email.isEmpty()) {
            LOG.warn("data request {} of {} names no address and no order we hold", request.requestId(), request.shop());
            return Result.UNKNOWN_CUSTOMER;
        }
        return export.mailToOwner(shop.get(), email.get(), request.requestId()) ? Result.EXPORTED
                : Result.ALREADY_EXPORTED;
    }

    public Result onRedact(CustomerRedactRequested request) {
        Optional<String> email = erasure.whoseOrders(request.shop(), request.email(), request.orders());
        if (email.isEmpty()) {
            // No address, and none of the orders listed is stored with one: nothing of theirs is held.
            LOG.info("customers/redact in {} names no address and no order we hold with one", request.shop());
            return Result.UNKNOWN_CUSTOMER;
        }
        CustomerErasure.Outcome outcome = erasure.erase(request.shop(), email.get(), "customers/redact");
        LOG.info("customers/redact for {} in {} done", CustomerEmails.mask(email.get()), request.shop());
        return outcome.found() ? Result.ERASED : Result.NOTHING_STORED;
    }

    /**
     * Deletes the shop's items page by page while {@code timeLeft} says there is time, logging progress; when it
     * runs short, publishes the request again with the cursor, so the next invocation carries on.
     */
    public Result onShopRedact(ShopRedactRequested request, BooleanSupplier timeLeft) {
        Optional<String> cursor = Optional.ofNullable(request.cursor());
        long scanned = 0;
        long deleted = 0;
        do {
            PersonalData.ShopErasurePage page = data.eraseShopPage(request.shop(), cursor);
            scanned += page.scanned();
            deleted += page.deleted();
            cursor = page.next();
            LOG.info("shop/redact {}: {} items read, {} deleted so far in this run{}", request.shop(), scanned, deleted,
                    cursor.isPresent() ? "; more to read" : "; done");
        } while (cursor.isPresent() && timeLeft.getAsBoolean());
        if (cursor.isPresent()) {
            events.publish(new ShopRedactRequested(request.shop(), cursor.get()));
            return Result.SHOP_ERASURE_CONTINUES;
        }
        LOG.info("shop/redact {}: everything of the shop is deleted", request.shop());
        return Result.SHOP_ERASED;
    }
}
