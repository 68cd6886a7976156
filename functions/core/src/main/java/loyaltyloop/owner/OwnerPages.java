package loyaltyloop.owner;

import jakarta.inject.Singleton;
import java.util.Optional;
import loyaltyloop.customers.LinkProblem;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.links.LinkPurpose;
import loyaltyloop.links.LinkSigner;
import loyaltyloop.links.Links;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;

/** {@code /o/{token}}: checks the owner link and puts the shop's insight together. Reads only; changes nothing. */
@Singleton
public class OwnerPages {

    private final Links links;
    private final ShopStore shops;
    private final OwnerInsights insights;

    public OwnerPages(Links links, ShopStore shops, OwnerInsights insights) {
        this.links = links;
        this.shops = shops;
        this.insights = insights;
    }

    /** What the link led to: the insight, or why not. */
    public sealed interface Outcome permits Shown, Refused {
    }

    public record Shown(OwnerInsight insight) implements Outcome {
    }

    /** @param locale the shop's language when the link names a known shop, else English */
    public record Refused(LinkProblem problem, EmailLocale locale) implements Outcome {
    }

    public Outcome open(String token) {
        LinkSigner.Verification v = links.signer().verify(token, LinkPurpose.OWNER);
        if (v.status() == LinkSigner.Verification.Status.INVALID) {
            return new Refused(LinkProblem.INVALID, EmailLocale.EN);
        }
        Optional<Shop> shop = shops.find(v.token().shop());
        EmailLocale locale = EmailLocale.resolve(shop.map(Shop::defaultLocale).orElse(null), null);
        if (v.status() == LinkSigner.Verification.Status.EXPIRED) {
            return new Refused(LinkProblem.EXPIRED, locale);
        }
        if (shop.isEmpty()) {
            return new Refused(LinkProblem.NOT_FOUND, locale);
        }
        return new Shown(insights.of(shop.get()));
    }
}
