package loyaltyloop.shops;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import loyaltyloop.wording.ShopWording;

/**
 * What a shop owner can tune about the loop. Every part has a default, so a shop registered without any of it
 * runs the loop as documented in docs/surveys.md, docs/coupons.md and docs/referrals.md.
 */
public record LoyaltySettings(SurveySettings survey, CouponSettings coupons, ReferralSettings referrals,
        LadderSettings ladder, Map<String, Map<String, String>> messages, Brand brand, MailSettings mail,
        HistorySettings history, RetentionSettings retention) {

    public static final LoyaltySettings DEFAULTS =
            new LoyaltySettings(SurveySettings.DEFAULTS, CouponSettings.DEFAULTS, ReferralSettings.DEFAULTS);

    public LoyaltySettings {
        survey = survey == null ? SurveySettings.DEFAULTS : survey;
        coupons = coupons == null ? CouponSettings.DEFAULTS : coupons;
        referrals = referrals == null ? ReferralSettings.DEFAULTS : referrals;
        ladder = ladder == null ? LadderSettings.DEFAULTS : ladder;
        messages = ShopWording.validated(messages);
        brand = brand == null ? Brand.NONE : brand;
        mail = mail == null ? MailSettings.DEFAULTS : mail;
        history = history == null ? HistorySettings.DEFAULTS : history;
        retention = retention == null ? RetentionSettings.DEFAULTS : retention;
    }

    /** Settings without mail, history or retention parts (the defaults apply: no postal address yet). */
    public LoyaltySettings(SurveySettings survey, CouponSettings coupons, ReferralSettings referrals,
            LadderSettings ladder, Map<String, Map<String, String>> messages, Brand brand) {
        this(survey, coupons, referrals, ladder, messages, brand, null, null, null);
    }

    public LoyaltySettings(SurveySettings survey, CouponSettings coupons, ReferralSettings referrals) {
        this(survey, coupons, referrals, null, null, null, null, null, null);
    }

    /** The same settings with another postal address (the rest kept). */
    public LoyaltySettings withPostalAddress(String postalAddress) {
        return new LoyaltySettings(survey, coupons, referrals, ladder, messages, brand, new MailSettings(postalAddress),
                history, retention);
    }

    /**
     * The shop's own sentences in {@code language} ({@code en}, {@code zh-TW}, …) by shipped key, its names
     * ({@code followUpSubject}) resolved by {@link ShopWording#resolved}; empty when it words nothing there.
     */
    public Map<String, String> messagesIn(String language) {
        return ShopWording.resolved(messages.get(language));
    }

    /** The same settings with coupons made another way (the rest of the coupon settings kept). */
    public LoyaltySettings withCouponProvisioning(Provisioning provisioning) {
        return new LoyaltySettings(survey, new CouponSettings(coupons.surveyReward(), coupons.prefix(), provisioning,
                coupons.apiSecretRef()), referrals, ladder, messages,
                brand, mail, history, retention);
    }

    /**
     * @param delayDays days after an order the survey email goes out
     * @param linkValidityDays how long the survey link works
     */
    public record SurveySettings(boolean enabled, int delayDays, int linkValidityDays) {
        public static final SurveySettings DEFAULTS = new SurveySettings(true, 14, 30);

        public SurveySettings {
            if (delayDays < 0 || delayDays > 365 || linkValidityDays < 1 || linkValidityDays > 365) {
                throw new IllegalArgumentException("survey delay must be 0..365 days and link validity 1..365 days");
            }
        }
    }

    /**
     * How coupons are made and what they are worth.
     *
     * @param surveyReward what completing a survey earns
     * @param prefix optional shop prefix, put before the code with a hyphen ({@code ACME-7KQ…}); null for none
     * @param provisioning how a code is made to work at the shop's checkout
     * @param apiSecretRef the SSM parameter name of the platform API credentials (Shopify Admin access token;
     *     WooCommerce {@code consumer_key:consumer_secret}); null for the pool and demo
     */
    public record CouponSettings(CouponTerms surveyReward, String prefix, Provisioning provisioning,
            String apiSecretRef) {
        public static final CouponSettings DEFAULTS =
                new CouponSettings(CouponTerms.DEFAULT_SURVEY_REWARD, null, Provisioning.PLATFORM_API, null);

        public CouponSettings {
            surveyReward = surveyReward == null ? CouponTerms.DEFAULT_SURVEY_REWARD : surveyReward;
            provisioning = provisioning == null ? Provisioning.PLATFORM_API : provisioning;
            if (prefix != null && !prefix.matches("[A-Z2-9]{1,8}")) {
                throw new IllegalArgumentException("a coupon prefix is 1-8 of A-Z and 2-9");
            }
        }
    }

    public enum Provisioning {
        /** Shopify Admin GraphQL or WooCommerce REST, by the shop's platform. */
        PLATFORM_API("platform-api"),
        /** Codes the owner created in their shop admin and uploaded to us. */
        POOL("pool"),
        /** The local runner's checkout: codes are recorded, nothing leaves the machine. */
        DEMO("demo");

        private final String wireName;

        Provisioning(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Provisioning fromWireName(String name) {
            for (Provisioning p : values()) {
                if (p.wireName.equalsIgnoreCase(name) || p.name().equalsIgnoreCase(name)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown coupon provisioning: " + name);
        }
    }

    /**
     * @param pointsPerReferral points for a converted referral, before multipliers
     * @param tenureDays after this long as a customer the referrer earns {@code tenureMultiplier}
     * @param topMultiplier for a referrer in the shop's top 10% by spend; multipliers multiply
     * @param clawbackDays refunds of the referred order within this many days take points back
     * @param tiers what points can buy, cheapest first
     */
    public record ReferralSettings(int pointsPerReferral, int tenureDays, double tenureMultiplier,
            double topMultiplier, int clawbackDays, List<RedeemTier> tiers) {
        public static final ReferralSettings DEFAULTS = new ReferralSettings(500, 365, 1.5, 2.0, 60, List.of(
                new RedeemTier(500, CouponTerms.percentOff(10)),
                new RedeemTier(1000, CouponTerms.percentOff(20))));

        public ReferralSettings {
            tiers = tiers == null || tiers.isEmpty() ? DEFAULTS.tiers() : List.copyOf(tiers);
            if (pointsPerReferral < 0 || tenureMultiplier < 1 || topMultiplier < 1 || clawbackDays < 0) {
                throw new IllegalArgumentException("referral points and multipliers must not shrink rewards");
            }
        }
    }

    /** {@code points} buy a coupon on {@code terms}. */
    public record RedeemTier(int points, CouponTerms terms) {
        public RedeemTier {
            if (points <= 0) {
                throw new IllegalArgumentException("a tier costs at least one point");
            }
        }
    }

    /**
     * What the law asks of the shop's commercial email.
     *
     * @param postalAddress the shop's physical postal address, shown in the footer of marketing (follow-up, survey)
     *     and points emails (CAN-SPAM); null until the owner gives one ({@code shops add --postal-address})
     */
    public record MailSettings(String postalAddress) {
        public static final MailSettings DEFAULTS = new MailSettings(null);

        public MailSettings {
            postalAddress = postalAddress == null || postalAddress.isBlank() ? null : postalAddress.strip();
            if (postalAddress != null && postalAddress.length() > 300) {
                throw new IllegalArgumentException("a postal address is at most 300 characters");
            }
        }
    }

    /**
     * The loyalty ladder (docs/ladder.md).
     *
     * @param loyalAfterOrders a customer with this many orders within 12 months is {@code loyal} (default 4)
     */
    public record LadderSettings(int loyalAfterOrders) {
        public static final LadderSettings DEFAULTS = new LadderSettings(4);

        public LadderSettings {
            if (loyalAfterOrders < 2 || loyalAfterOrders > 12) {
                throw new IllegalArgumentException("ladder.loyalAfterOrders must be 2..12");
            }
        }
    }

    /**
     * The shop's brand in the email header.
     *
     * @param colour the header's colour, {@code #rrggbb}; null for the loop's own
     * @param logoUrl an https image URL shown in the header; null for none
     */
    public record Brand(String colour, String logoUrl) {
        public static final Brand NONE = new Brand(null, null);

        public Brand {
            colour = colour == null || colour.isBlank() ? null : colour.strip().toLowerCase(java.util.Locale.ROOT);
            if (colour != null && !colour.matches("#[0-9a-f]{6}")) {
                throw new IllegalArgumentException("brand.colour: a colour is #rrggbb, e.g. #1d4ed8");
            }
            logoUrl = logoUrl == null || logoUrl.isBlank() ? null : logoUrl.strip();
            if (logoUrl != null && !isHttpsUrl(logoUrl)) {
                throw new IllegalArgumentException("brand.logoUrl: a logo is an https:// URL of at most 500 characters");
            }
        }

        private static boolean isHttpsUrl(String url) {
            if (url.length() > 500 || !url.matches("[\\x21-\\x7e]+") || url.contains("\"") || url.contains("'")
                    || url.contains("<") || url.contains(">")) {
                return false;
            }
            try {
                URI uri = new URI(url);
                return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null;
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }

    /**
     * What a history import does (docs/import.md).
     *
     * @param overdueSpreadDays customers already past their 90-45 limit when their history is imported get their
     *     follow-up on one of this many days after the import day, not all at the next sweep
     */
    public record HistorySettings(int overdueSpreadDays) {
        public static final HistorySettings DEFAULTS = new HistorySettings(14);

        public HistorySettings {
            if (overdueSpreadDays < 1 || overdueSpreadDays > 90) {
                throw new IllegalArgumentException("history.overdueSpreadDays must be 1..90");
            }
        }
    }

    /**
     * How long the loop keeps a customer: {@code months} after their last order, click or answer they are erased as
     * by {@code customers/redact}, and an order older than that loses its personal fields (docs/data-model.md).
     */
    public record RetentionSettings(int months) {
        public static final RetentionSettings DEFAULTS = new RetentionSettings(36);

        public RetentionSettings {
            if (months < 1 || months > 120) {
                throw new IllegalArgumentException("retention must be 1..120 months");
            }
        }
    }
}
