package loyaltyloop.referral;

import java.time.Clock;
import java.time.ZoneOffset;
import loyaltyloop.stats.LoopStats;

import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.referral.ReferralDestination.Storefront;
import loyaltyloop.referral.ReferralDestination.UnknownCode;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;

/**
 * A referral link: counts the click and sends the visitor to the shop's own storefront with {@code ?ref={code}}.
 * Nothing from the link chooses the target: the host, path and other parameters are the shop's configured
 * storefront URL, and the code is only ever one of our own (checked against the alphabet and looked up). A code no
 * shop knows goes to the storefront without {@code ref} when the deployment serves one shop, else nowhere.
 */
@Singleton
public class ReferralRedirects {

    private final ShopStore shops;
    private final CustomerStore customers;
    private final ReferralClicks clicks;
    private final LoopStats loopStats;
    private final Clock clock;

    public ReferralRedirects(ShopStore shops, CustomerStore customers, ReferralClicks clicks, LoopStats loopStats,
            Clock clock) {
        this.shops = shops;
        this.customers = customers;
        this.clicks = clicks;
        this.loopStats = loopStats;
        this.clock = clock;
    }

    public ReferralDestination follow(String rawCode) {
        String code = Attribution.normalise(rawCode);
        List<Shop> all = new ArrayList<>(shops.all());
        all.sort(Comparator.comparing(Shop::domain));
        if (code != null) {
            for (Shop shop : all) {
                // A cheap read first, so made-up codes cost no writes; then one atomic counter update.
                if (customers.findEmailByReferralCode(shop.domain(), code).isPresent() && clicks.count(shop.domain(), code)) {
                    loopStats.add(shop.domain(), clock.instant().atZone(ZoneOffset.UTC).toLocalDate(),
                            LoopStats.Count.REFERRAL_CLICKS, 1);
                    String target = storefrontWithRef(shop.storefrontUrl(), code);
                    if (target != null) {
                        return new Storefront(target);
                    }
                }
            }
        }
        if (all.size() == 1) {
            String storefront = storefrontWithRef(all.get(0).storefrontUrl(), null);
            if (storefront != null) {
                return new Storefront(storefront);
            }
        }
        EmailLocale locale = all.size() == 1 ? EmailLocale.resolve(all.get(0).defaultLocale(), null) : EmailLocale.EN;
        return new UnknownCode(locale);
    }

    /**
     * The storefront URL with {@code ref} set to the code (any {@code ref} it had replaced, its other parameters and
     * fragment kept), or as it is when {@code code} is null; null when the configured URL is not absolute http(s).
     */
    static String storefrontWithRef(String storefrontUrl, String code) {
        if (storefrontUrl == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(storefrontUrl.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getRawAuthority() == null || uri.getHost() == null) {
            return null;
        }
        StringBuilder url = new StringBuilder(scheme).append("://").append(uri.getRawAuthority());
        String path = uri.getRawPath();
        url.append(path == null || path.isEmpty() ? "/" : path);
        List<String> params = new ArrayList<>();
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            for (String pair : uri.getRawQuery().split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!name.equalsIgnoreCase("ref") && !pair.isEmpty()) {
                    params.add(pair);
                }
            }
        }
        if (code != null) {
            params.add("ref=" + code);
        }
        if (!params.isEmpty()) {
            url.append('?').append(String.join("&", params));
        }
        if (uri.getRawFragment() != null) {
            url.append('#').append(uri.getRawFragment());
        }
        return url.toString();
    }
}
