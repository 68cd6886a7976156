package loyaltyloop.followup;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import loyaltyloop.events.EventPublisher;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;

/**
 * The hourly sweep as AWS runs it: it sends nothing itself, it hands every part of every shop's due index to the
 * sweep workers ({@link SweepPartDue} on the bus, one per part, batched), so a large shop's backlog and a thousand
 * shops' follow-ups are sent in parallel within the hour, at the pace the template allows. Reads only the shop
 * registry; the parts are the due index's shards.
 */
@Singleton
@Requires(beans = EventPublisher.class)
public class FollowUpFanOut {

    private final ShopStore shops;
    private final DueCustomers due;
    private final EventPublisher events;

    public FollowUpFanOut(ShopStore shops, DueCustomers due, EventPublisher events) {
        this.shops = shops;
        this.due = due;
        this.events = events;
    }

    /** Publishes one work item per part of the due index of every shop that may be mailed; answers how many. */
    public int enqueue() {
        List<SweepPartDue> work = new ArrayList<>();
        for (Shop shop : shops.allForMail()) {
            for (String walk : due.partWalks(shop.domain())) {
                work.add(new SweepPartDue(shop.domain(), walk));
            }
        }
        events.publishAll(work);
        return work.size();
    }
}
