package loyaltyloop.email;

import java.util.List;

/**
 * Every sentence the emails and pages say, per language, in plain Java (no resource bundles: nothing to look up
 * reflectively at cold start). Arguments are plain text; the templates escape whatever ends up in HTML.
 * A {@code name} argument is either a non-blank first name or null (then the greeting is neutral).
 */
abstract class Messages {

    static Messages of(EmailLocale locale) {
        switch (locale) {
            case ZH_HANT:
                return ZhHant.INSTANCE;
            case ZH_HANS:
                return ZhHans.INSTANCE;
            case EN:
            default:
                return English.INSTANCE;
        }
    }

    // --- affirmation email ---

    abstract String welcomeSubject(String name, String orderName);

    abstract String repeatSubject(int orderNumber, String name, String orderName);

    abstract String welcomeHeading(String shop, String name);

    abstract String welcomeIntro(String orderName);

    abstract String repeatHeading(int orderNumber, String name);

    abstract String repeatIntro(String orderName);

    abstract String summaryHeading(String orderName);

    abstract String totalLabel();

    /** The separator between a label and its value in the text part: ": " or a full-width colon. */
    abstract String colon();

    abstract String nextHeading();

    abstract String nextText();

    abstract String referralHeading();

    abstract String referralText(String shop);

    abstract String signOff();

    abstract String signature(String sender);

    abstract String aboutOrder(String shop, String orderName);

    abstract String unsubscribePrompt();

    abstract String unsubscribeLink();

    // --- pages ---

    abstract String unsubscribeTitle(String shop);

    abstract String unsubscribeQuestion(String shop);

    abstract String unsubscribeExplanation(String shop);

    abstract String unsubscribeButton();

    abstract String unsubscribedTitle();

    abstract String unsubscribedText(String shop);

    abstract String orderEmailsContinue();

    abstract String linkProblemTitle();

    abstract String linkExpiredText();

    abstract String linkInvalidText();

    abstract String linkTryLaterText();

    abstract String linkHelp();

    // --- follow-up email (90-45) ---

    /**
     * The follow-up's subject: the VIP variant thanks them; the regular one asks about {@code product} (the first
     * thing they bought last, or null) or, without one, says hello from {@code shop}.
     */
    abstract String followUpSubject(boolean vip, String name, String product, String shop);

    abstract String followUpGreeting(String name);

    /** "You've had your Ceramic Mug for 45 days now…": {@code products} from {@link #productList}, {@code count} of them. */
    abstract String followUpHadItFor(String products, int count, String duration);

    /** Without products: "It's been 3 months since your order #1001…"; {@code orderName} may be null. */
    abstract String followUpSinceOrder(String orderName, String duration);

    /** A returning customer (two orders or more): how long, how many orders, thanks for coming back. */
    abstract String followUpTenure(String shop, String duration, int orderCount);

    /** A one-order customer; {@code duration} is null when it would only repeat the "had it for" sentence. */
    abstract String followUpGladYouFoundUs(String shop, String duration);

    /** The VIP thank-you; {@code duration} is null when it would only repeat the "had it for" sentence. */
    abstract String followUpVipThanks(String shop, String duration);

    /** Heading of the owner's tips, {@code count} of them. */
    abstract String followUpTipsHeading(int count);

    abstract String followUpSurveyPrompt();

    abstract String followUpSurveyLink();

    abstract String followUpClosing(boolean vip);

    abstract String followUpSignOff(boolean vip);

    abstract String followUpWhyYouGetThis(String shop);

    /** Product names joined for a sentence: "A", "A and B", "A, B and C", "A, B and 3 other items". */
    abstract String productList(List<String> products);

    abstract String days(long n);

    abstract String months(long n);

    /** {@code more}: a little over {@code n} years rather than exactly. */
    abstract String years(long n, boolean more);

    /**
     * How long, phrased naturally: under 60 days in days, under a year in months (whole 30-day months), then in
     * years ("over a year"). Less than a day counts as one day.
     */
    final String duration(long days) {
        long d = Math.max(1, days);
        if (d < 60) {
            return days(d);
        }
        if (d < 365) {
            return months(d / 30);
        }
        return years(d / 365, d % 365 != 0);
    }

    // --- owner's daily digest ---

    /** {@code names}: who each pick is (name or email), in order; empty when there are no picks. */
    abstract String digestSubject(List<String> names, String shop);

    abstract String digestHeading(int picks);

    abstract String digestIntro(int picks);

    /** {@code daysUntilDue}: from the digest day to the follow-up's due day (0 or less: today); null when not scheduled. */
    abstract String reasonVipDueSoon(Long daysUntilDue);

    /** {@code orderName} and {@code total} may each be null. */
    abstract String reasonBigFirstOrder(String orderName, String total);

    abstract String reasonLowRating(String orderName);

    abstract String whyLabel();

    abstract String ordersLabel();

    abstract String lifetimeSpendLabel();

    abstract String customerSinceLabel();

    abstract String lastContactLabel();

    abstract String healthHeading();

    abstract String healthCustomers();

    abstract String healthDueThisWeek();

    abstract String healthUnreachable();

    abstract String healthSentThisWeek();

    abstract String healthSurveysAnswered();

    abstract String healthCouponsRedeemed();

    abstract String digestFooter();

    /** Stands in for a pick with neither name nor email. */
    abstract String someCustomer();

    /** "A", "A and B", "A, B and C", "A, B, C and D". */
    static String englishList(List<String> words) {
        int n = words.size();
        if (n == 0) {
            return "";
        }
        if (n == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, n - 1)) + " and " + words.get(n - 1);
    }

    /** "A", "A 和 B", "A、B 和 C", "A、B、C 和 D" ({@code and} is 和), spaced where Latin meets Chinese. */
    static String chineseList(List<String> words, String and) {
        int n = words.size();
        if (n == 0) {
            return "";
        }
        if (n == 1) {
            return words.get(0);
        }
        return trail(String.join("、", words.subList(0, n - 1))) + and + lead(words.get(n - 1));
    }

    /** 一, 兩/两 ({@code two}), 三 for small counts; digits (spaced) beyond. */
    static String chineseCount(int n, String two) {
        switch (n) {
            case 1:
                return "一";
            case 2:
                return two;
            case 3:
                return "三";
            default:
                return " " + n + " ";
        }
    }

    /** Between two sentences: a space in English, nothing in Chinese. */
    abstract String gap();

    /**
     * A word set into Chinese text with a space on the side(s) where it meets Chinese characters only if the word
     * itself is not Chinese there: "歡迎來到 Demo Shop，" but "歡迎來到台北小舖，".
     */
    static String lead(String word) {
        return word.isEmpty() || isCjk(word.codePointAt(0)) ? word : " " + word;
    }

    static String trail(String word) {
        return word.isEmpty() || isCjk(word.codePointBefore(word.length())) ? word : word + " ";
    }

    static String both(String word) {
        return trail(lead(word));
    }

    private static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }

    /** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 101st, 111th... */
    static String englishOrdinal(int n) {
        int lastTwo = Math.abs(n % 100);
        if (lastTwo >= 11 && lastTwo <= 13) {
            return n + "th";
        }
        switch (Math.abs(n % 10)) {
            case 1:
                return n + "st";
            case 2:
                return n + "nd";
            case 3:
                return n + "rd";
            default:
                return n + "th";
        }
    }

    static final class English extends Messages {
        static final English INSTANCE = new English();

        @Override
        String welcomeSubject(String name, String orderName) {
            return name == null
                    ? "Welcome — thank you for your order " + orderName
                    : "Welcome, " + name + " — thank you for your order " + orderName;
        }

        @Override
        String repeatSubject(int orderNumber, String name, String orderName) {
            String thanks = "Thank you for your " + englishOrdinal(orderNumber) + " order";
            return (name == null ? thanks : thanks + ", " + name) + " (" + orderName + ")";
        }

        @Override
        String welcomeHeading(String shop, String name) {
            return name == null ? "Welcome to " + shop + "!" : "Welcome to " + shop + ", " + name + "!";
        }

        @Override
        String welcomeIntro(String orderName) {
            return "Thank you for your first order — we're so glad you found us. We've received your order "
                    + orderName + ".";
        }

        @Override
        String repeatHeading(int orderNumber, String name) {
            String thanks = "Thank you for your " + englishOrdinal(orderNumber) + " order";
            return name == null ? thanks + "!" : thanks + ", " + name + "!";
        }

        @Override
        String repeatIntro(String orderName) {
            return "It's wonderful to have you back, and thank you for shopping with us again. We've received your order "
                    + orderName + ".";
        }

        @Override
        String summaryHeading(String orderName) {
            return "Your order " + orderName;
        }

        @Override
        String totalLabel() {
            return "Total";
        }

        @Override
        String colon() {
            return ": ";
        }

        @Override
        String gap() {
            return " ";
        }

        @Override
        String nextHeading() {
            return "What happens next";
        }

        @Override
        String nextText() {
            return "We're getting your order ready and will email you as soon as it ships. "
                    + "In a little while, we'll also check in to see how you're enjoying it.";
        }

        @Override
        String referralHeading() {
            return "Share it with your friends";
        }

        @Override
        String referralText(String shop) {
            return "Know someone who would love " + shop + " too? Share your personal link with your friends:";
        }

        @Override
        String signOff() {
            return "With thanks,";
        }

        @Override
        String signature(String sender) {
            return sender;
        }

        @Override
        String aboutOrder(String shop, String orderName) {
            return "This email is about your order " + orderName + " at " + shop + ".";
        }

        @Override
        String unsubscribePrompt() {
            return "Don't want our follow-up emails?";
        }

        @Override
        String unsubscribeLink() {
            return "Unsubscribe";
        }

        @Override
        String unsubscribeTitle(String shop) {
            return "Unsubscribe from " + shop;
        }

        @Override
        String unsubscribeQuestion(String shop) {
            return "Unsubscribe from " + shop + " emails?";
        }

        @Override
        String unsubscribeExplanation(String shop) {
            return "You will no longer receive follow-up emails from " + shop + ".";
        }

        @Override
        String unsubscribeButton() {
            return "Unsubscribe";
        }

        @Override
        String unsubscribedTitle() {
            return "You're unsubscribed";
        }

        @Override
        String unsubscribedText(String shop) {
            return "You won't receive follow-up emails from " + shop + " any more.";
        }

        @Override
        String orderEmailsContinue() {
            return "You will still receive emails about your orders, such as confirmations and shipping updates.";
        }

        @Override
        String linkProblemTitle() {
            return "This link is no longer valid";
        }

        @Override
        String linkExpiredText() {
            return "It has expired: the links in our emails only work for a limited time.";
        }

        @Override
        String linkTryLaterText() {
            return "Something went wrong on our side and nothing was changed. Please try the link again in a little while.";
        }

        @Override
        String linkInvalidText() {
            return "It may be incomplete or may have been changed. Please open it again from the email, exactly as it was sent.";
        }

        @Override
        String linkHelp() {
            return "If you need help, just reply to the email you received from us and we'll be glad to help.";
        }

        // --- follow-up ---

        @Override
        String followUpSubject(boolean vip, String name, String product, String shop) {
            if (vip) {
                String thanks = name == null ? "A thank-you from " + shop : name + ", a thank-you from " + shop;
                return product == null ? thanks : thanks + " — how's your " + product + "?";
            }
            if (product != null) {
                return name == null ? "How's your " + product + "?" : "How's your " + product + ", " + name + "?";
            }
            return name == null ? "A quick hello from " + shop : name + ", a quick hello from " + shop;
        }

        @Override
        String followUpGreeting(String name) {
            return name == null ? "Hello," : "Hi " + name + ",";
        }

        @Override
        String followUpHadItFor(String products, int count, String duration) {
            return "You've had your " + products + " for " + duration + " now — we hope you're enjoying "
                    + (count == 1 ? "it" : "them") + ".";
        }

        @Override
        String followUpSinceOrder(String orderName, String duration) {
            return "It's been " + duration + " since your " + (orderName == null ? "last order" : "order " + orderName)
                    + ", and we wanted to check in and see how everything is going.";
        }

        @Override
        String followUpTenure(String shop, String duration, int orderCount) {
            return "You've been shopping with " + shop + " for " + duration + " now — " + orderCount
                    + " orders so far. Thank you for coming back.";
        }

        @Override
        String followUpGladYouFoundUs(String shop, String duration) {
            return duration == null
                    ? "Thank you again for choosing " + shop + " — we're so glad you found us."
                    : "You've been shopping with " + shop + " for " + duration + " now, and we're so glad you found us.";
        }

        @Override
        String followUpVipThanks(String shop, String duration) {
            String standing = duration == null
                    ? "You're one of our very best customers here at " + shop + "."
                    : "You've been shopping with " + shop + " for " + duration
                            + " now, and you're one of our very best customers.";
            return standing + " We don't say it often enough, so here it is: thank you. "
                    + "Shops like ours exist because of people like you.";
        }

        @Override
        String followUpTipsHeading(int count) {
            return count == 1 ? "Getting the most from it" : "Getting the most from them";
        }

        @Override
        String followUpSurveyPrompt() {
            return "We'd love to hear how it's going — a few honest words help us do better.";
        }

        @Override
        String followUpSurveyLink() {
            return "Tell us how it went (2 minutes)";
        }

        @Override
        String followUpClosing(boolean vip) {
            return vip
                    ? "If there's ever anything we can do for you, just reply to this email — we'd love to hear from you."
                    : "If there's anything we can help with, just reply to this email.";
        }

        @Override
        String followUpSignOff(boolean vip) {
            return vip ? "With heartfelt thanks," : "Warm regards,";
        }

        @Override
        String followUpWhyYouGetThis(String shop) {
            return "You're receiving this because you shopped at " + shop + ".";
        }

        @Override
        String productList(List<String> products) {
            int n = products.size();
            if (n <= 3) {
                return englishList(products);
            }
            return products.get(0) + ", " + products.get(1) + " and " + (n - 2) + " other items";
        }

        @Override
        String days(long n) {
            return n == 1 ? "1 day" : n + " days";
        }

        @Override
        String months(long n) {
            return n == 1 ? "1 month" : n + " months";
        }

        @Override
        String years(long n, boolean more) {
            return (more ? "over " : "") + (n == 1 ? "a year" : n + " years");
        }

        // --- owner's digest ---

        @Override
        String digestSubject(List<String> names, String shop) {
            String who = englishList(names);
            switch (names.size()) {
                case 0:
                    return "Your loyalty loop today — " + shop;
                case 1:
                    return "Today's pick: " + who + " — " + shop;
                case 2:
                    return "Today's two: " + who + " — " + shop;
                case 3:
                    return "Today's three: " + who + " — " + shop;
                default:
                    return "Today's picks: " + who + " — " + shop;
            }
        }

        @Override
        String digestHeading(int picks) {
            switch (picks) {
                case 0:
                    return "Nothing needs your personal touch today";
                case 1:
                    return "One customer worth a personal note today";
                case 2:
                    return "Two customers worth a personal note today";
                case 3:
                    return "Three customers worth a personal note today";
                default:
                    return picks + " customers worth a personal note today";
            }
        }

        @Override
        String digestIntro(int picks) {
            return picks == 0
                    ? "The loop is running on its own. Here is how it is doing."
                    : "A short note from you — a thank-you, a question, a warm welcome — means more than any "
                            + "automatic email. Here is who to write to and why; click an address to write to them.";
        }

        @Override
        String reasonVipDueSoon(Long daysUntilDue) {
            if (daysUntilDue == null) {
                return "One of your top 10% and due for a follow-up soon; a personal note from you beats it.";
            }
            String when = daysUntilDue <= 0 ? "today" : daysUntilDue == 1 ? "tomorrow" : "in " + daysUntilDue + " days";
            return "One of your top 10% — their follow-up goes out " + when + "; a personal note from you beats it.";
        }

        @Override
        String reasonLowRating(String orderName) {
            return "Rated " + (orderName == null ? "their order" : "order " + orderName)
                    + " 1 or 2 out of 5 yesterday and got an apology: a personal call or note today can win them back.";
        }

        String reasonBigFirstOrder(String orderName, String total) {
            String details = orderName == null ? total : total == null ? orderName : orderName + ", " + total;
            return details == null
                    ? "Big first order yesterday — welcome them personally."
                    : "Big first order yesterday: " + details + " — welcome them personally.";
        }

        @Override
        String whyLabel() {
            return "Why";
        }

        @Override
        String ordersLabel() {
            return "Orders";
        }

        @Override
        String lifetimeSpendLabel() {
            return "Lifetime spend";
        }

        @Override
        String customerSinceLabel() {
            return "Customer since";
        }

        @Override
        String lastContactLabel() {
            return "Last contact";
        }

        @Override
        String healthHeading() {
            return "Loop health";
        }

        @Override
        String healthCustomers() {
            return "Customers";
        }

        @Override
        String healthDueThisWeek() {
            return "Follow-ups due in the next 7 days";
        }

        @Override
        String healthUnreachable() {
            return "Unreachable (unsubscribed, no consent or bounced)";
        }

        @Override
        String healthSentThisWeek() {
            return "Follow-ups sent in the last 7 days";
        }

        String healthSurveysAnswered() {
            return "Surveys answered in the last 7 days";
        }

        String healthCouponsRedeemed() {
            return "Loop coupons used on orders in the last 7 days";
        }

        @Override
        String digestFooter() {
            return "Sent by loyalty-loop every morning when there is something to say.";
        }

        @Override
        String someCustomer() {
            return "A customer";
        }
    }

    static final class ZhHant extends Messages {
        static final ZhHant INSTANCE = new ZhHant();

        private static String nth(int orderNumber) {
            return "第" + orderNumber + "筆訂單";
        }

        @Override
        String welcomeSubject(String name, String orderName) {
            return name == null
                    ? "感謝您的訂購！您的訂單 " + orderName + " 已收到"
                    : "感謝您的訂購，" + name + "！您的訂單 " + orderName + " 已收到";
        }

        @Override
        String repeatSubject(int orderNumber, String name, String orderName) {
            String thanks = "感謝您的" + nth(orderNumber);
            return (name == null ? thanks : thanks + "，" + name) + "（" + orderName + "）";
        }

        @Override
        String welcomeHeading(String shop, String name) {
            return name == null ? "歡迎來到" + lead(shop) + "！" : "歡迎來到" + lead(shop) + "，" + name + "！";
        }

        @Override
        String welcomeIntro(String orderName) {
            return "感謝您第一次向我們訂購，很高興認識您！我們已收到您的訂單 " + orderName + "。";
        }

        @Override
        String repeatHeading(int orderNumber, String name) {
            String thanks = "感謝您的" + nth(orderNumber);
            return name == null ? thanks + "！" : thanks + "，" + name + "！";
        }

        @Override
        String repeatIntro(String orderName) {
            return "很高興再次見到您，謝謝您再度光臨！我們已收到您的訂單 " + orderName + "。";
        }

        @Override
        String summaryHeading(String orderName) {
            return "您的訂單 " + orderName;
        }

        @Override
        String totalLabel() {
            return "總計";
        }

        @Override
        String colon() {
            return "：";
        }

        @Override
        String gap() {
            return "";
        }

        @Override
        String nextHeading() {
            return "接下來";
        }

        @Override
        String nextText() {
            return "我們正在為您準備商品，出貨時會再寄信通知您。過一段時間，我們也會再來問候，看看您使用得是否滿意。";
        }

        @Override
        String referralHeading() {
            return "與好友分享";
        }

        @Override
        String referralText(String shop) {
            return "有朋友也會喜歡" + both(shop) + "嗎？歡迎把您的專屬推薦連結分享給他們：";
        }

        @Override
        String signOff() {
            return "再次感謝您的支持！";
        }

        @Override
        String signature(String sender) {
            return trail(sender) + "敬上";
        }

        @Override
        String aboutOrder(String shop, String orderName) {
            return "這封信是關於您在" + both(shop) + "的訂單 " + orderName + "。";
        }

        @Override
        String unsubscribePrompt() {
            return "不想再收到我們的後續郵件嗎？";
        }

        @Override
        String unsubscribeLink() {
            return "取消訂閱";
        }

        @Override
        String unsubscribeTitle(String shop) {
            return "取消訂閱" + both(shop) + "的郵件";
        }

        @Override
        String unsubscribeQuestion(String shop) {
            return "要取消訂閱" + both(shop) + "的郵件嗎？";
        }

        @Override
        String unsubscribeExplanation(String shop) {
            return "取消後，您將不會再收到" + both(shop) + "的後續郵件。";
        }

        @Override
        String unsubscribeButton() {
            return "取消訂閱";
        }

        @Override
        String unsubscribedTitle() {
            return "已取消訂閱";
        }

        @Override
        String unsubscribedText(String shop) {
            return "您將不會再收到" + both(shop) + "的後續郵件。";
        }

        @Override
        String orderEmailsContinue() {
            return "與您訂單相關的通知（例如訂單確認與出貨通知）仍會照常寄送。";
        }

        @Override
        String linkProblemTitle() {
            return "此連結已失效";
        }

        @Override
        String linkExpiredText() {
            return "連結已過期：郵件中的連結只在一段時間內有效。";
        }

        @Override
        String linkTryLaterText() {
            return "我們這邊出了點問題，沒有任何變更。請稍後再開啟一次連結。";
        }

        @Override
        String linkInvalidText() {
            return "連結可能不完整或已被更動，請從郵件中重新開啟原本的連結。";
        }

        @Override
        String linkHelp() {
            return "如需協助，請直接回覆您收到的郵件，我們很樂意為您處理。";
        }

        // --- follow-up ---

        @Override
        String followUpSubject(boolean vip, String name, String product, String shop) {
            String to = name == null ? "" : name + "，";
            if (vip) {
                String thanks = to + trail(shop) + "想對您說聲謝謝";
                return product == null ? thanks : thanks + "——您的" + both(product) + "用得還好嗎？";
            }
            if (product != null) {
                return to + "您的" + both(product) + "用得還好嗎？";
            }
            return to + "來自" + both(shop) + "的問候";
        }

        @Override
        String followUpGreeting(String name) {
            return name == null ? "您好！" : name + "，您好！";
        }

        @Override
        String followUpHadItFor(String products, int count, String duration) {
            return "您的" + both(products) + "已經陪伴您" + lead(duration) + "了，希望您用得開心。";
        }

        @Override
        String followUpSinceOrder(String orderName, String duration) {
            String since = orderName == null ? "距離您上次訂購" : "距離您的訂單 " + orderName + " ";
            return since + "已經" + lead(duration) + "了，想來問候您一下，看看一切是否順利。";
        }

        @Override
        String followUpTenure(String shop, String duration, int orderCount) {
            return "您在" + both(shop) + "購物已經" + lead(duration) + "了，至今共 " + orderCount + " 筆訂單，謝謝您一再回來。";
        }

        @Override
        String followUpGladYouFoundUs(String shop, String duration) {
            return duration == null
                    ? "再次謝謝您選擇" + lead(shop) + "，很高興認識您。"
                    : "您在" + both(shop) + "購物已經" + lead(duration) + "了，很高興認識您。";
        }

        @Override
        String followUpVipThanks(String shop, String duration) {
            String standing = duration == null
                    ? "您是" + both(shop) + "最珍惜的顧客之一。"
                    : "您在" + both(shop) + "購物已經" + lead(duration) + "了，是我們最珍惜的顧客之一。";
            return standing + "平常很少說出口，但真的想對您說聲謝謝：有您這樣的顧客，才有今天的我們。";
        }

        @Override
        String followUpTipsHeading(int count) {
            return "使用小訣竅";
        }

        @Override
        String followUpSurveyPrompt() {
            return "很想聽聽您的使用感受，您的意見能幫助我們做得更好。";
        }

        @Override
        String followUpSurveyLink() {
            return "告訴我們您的體驗（約 2 分鐘）";
        }

        @Override
        String followUpClosing(boolean vip) {
            return vip
                    ? "如果有任何我們能為您做的，直接回覆這封信就可以了，我們很期待收到您的來信。"
                    : "如果有任何需要協助的地方，直接回覆這封信就可以了。";
        }

        @Override
        String followUpSignOff(boolean vip) {
            return vip ? "由衷感謝您！" : "祝您一切順心！";
        }

        @Override
        String followUpWhyYouGetThis(String shop) {
            return "您收到這封信，是因為您曾在" + both(shop) + "購物。";
        }

        @Override
        String productList(List<String> products) {
            int n = products.size();
            if (n <= 3) {
                return chineseList(products, "和");
            }
            return products.get(0) + "、" + trail(products.get(1)) + "等 " + n + " 件商品";
        }

        @Override
        String days(long n) {
            return n + " 天";
        }

        @Override
        String months(long n) {
            return n + " 個月";
        }

        @Override
        String years(long n, boolean more) {
            return (n == 1 ? "一年" : n + " 年") + (more ? "多" : "");
        }

        // --- owner's digest ---

        @Override
        String digestSubject(List<String> names, String shop) {
            if (names.isEmpty()) {
                return "今日回訪概況 — " + shop;
            }
            return "今天值得聯繫的" + chineseCount(names.size(), "兩") + "位：" + String.join("、", names) + " — " + shop;
        }

        @Override
        String digestHeading(int picks) {
            return picks == 0 ? "今天沒有需要您親自聯繫的顧客" : "今天值得您親自聯繫的" + chineseCount(picks, "兩") + "位顧客";
        }

        @Override
        String digestIntro(int picks) {
            return picks == 0
                    ? "回訪循環正在自動運作，以下是目前的概況。"
                    : "比起任何自動郵件，您親手寫的幾句話——一聲謝謝、一句問候、一句歡迎——更能打動顧客。"
                            + "以下是今天值得聯繫的顧客和原因，點擊電子郵件地址即可直接寫信給他們。";
        }

        @Override
        String reasonVipDueSoon(Long daysUntilDue) {
            if (daysUntilDue == null) {
                return "消費前 10% 的顧客之一，即將收到自動回訪信；您親自寫幾句話，效果更好。";
            }
            String when = daysUntilDue <= 0 ? "今天就會寄出" : daysUntilDue == 1 ? "明天就會寄出" : "將在 " + daysUntilDue + " 天後寄出";
            return "消費前 10% 的顧客之一——自動回訪信" + when + "；您親自寫幾句話，效果更好。";
        }

        @Override
        String reasonLowRating(String orderName) {
            return "昨天為" + (orderName == null ? "訂單" : "訂單 " + orderName + " ")
                    + "評了 1 或 2 分，已收到致歉信：今天親自聯絡，就有機會挽回。";
        }

        String reasonBigFirstOrder(String orderName, String total) {
            String details = orderName == null ? total : total == null ? orderName : orderName + "，" + total;
            return details == null
                    ? "昨天下了一筆大額首單——請親自歡迎這位新顧客。"
                    : "昨天下了一筆大額首單：" + details + "——請親自歡迎這位新顧客。";
        }

        @Override
        String whyLabel() {
            return "原因";
        }

        @Override
        String ordersLabel() {
            return "訂單數";
        }

        @Override
        String lifetimeSpendLabel() {
            return "累計消費";
        }

        @Override
        String customerSinceLabel() {
            return "首次購買";
        }

        @Override
        String lastContactLabel() {
            return "上次聯繫";
        }

        @Override
        String healthHeading() {
            return "回訪循環概況";
        }

        @Override
        String healthCustomers() {
            return "顧客總數";
        }

        @Override
        String healthDueThisWeek() {
            return "未來 7 天到期的回訪";
        }

        @Override
        String healthUnreachable() {
            return "無法聯繫（已取消訂閱、未同意行銷或退信）";
        }

        @Override
        String healthSentThisWeek() {
            return "過去 7 天寄出的回訪信";
        }

        String healthSurveysAnswered() {
            return "過去 7 天回覆的問卷";
        }

        String healthCouponsRedeemed() {
            return "過去 7 天訂單使用的優惠碼";
        }

        @Override
        String digestFooter() {
            return "loyalty-loop 會在每天早上有事值得告訴您時寄出這封信。";
        }

        @Override
        String someCustomer() {
            return "一位顧客";
        }
    }

    static final class ZhHans extends Messages {
        static final ZhHans INSTANCE = new ZhHans();

        private static String nth(int orderNumber) {
            return "第" + orderNumber + "笔订单";
        }

        @Override
        String welcomeSubject(String name, String orderName) {
            return name == null
                    ? "感谢您的订购！您的订单 " + orderName + " 已收到"
                    : "感谢您的订购，" + name + "！您的订单 " + orderName + " 已收到";
        }

        @Override
        String repeatSubject(int orderNumber, String name, String orderName) {
            String thanks = "感谢您的" + nth(orderNumber);
            return (name == null ? thanks : thanks + "，" + name) + "（" + orderName + "）";
        }

        @Override
        String welcomeHeading(String shop, String name) {
            return name == null ? "欢迎来到" + lead(shop) + "！" : "欢迎来到" + lead(shop) + "，" + name + "！";
        }

        @Override
        String welcomeIntro(String orderName) {
            return "感谢您第一次在我们这里下单，很高兴认识您！我们已收到您的订单 " + orderName + "。";
        }

        @Override
        String repeatHeading(int orderNumber, String name) {
            String thanks = "感谢您的" + nth(orderNumber);
            return name == null ? thanks + "！" : thanks + "，" + name + "！";
        }

        @Override
        String repeatIntro(String orderName) {
            return "很高兴再次见到您，谢谢您再次光临！我们已收到您的订单 " + orderName + "。";
        }

        @Override
        String summaryHeading(String orderName) {
            return "您的订单 " + orderName;
        }

        @Override
        String totalLabel() {
            return "合计";
        }

        @Override
        String colon() {
            return "：";
        }

        @Override
        String gap() {
            return "";
        }

        @Override
        String nextHeading() {
            return "接下来";
        }

        @Override
        String nextText() {
            return "我们正在为您准备商品，发货时会再发邮件通知您。过一段时间，我们也会再来问候，看看您用得是否满意。";
        }

        @Override
        String referralHeading() {
            return "与好友分享";
        }

        @Override
        String referralText(String shop) {
            return "有朋友也会喜欢" + both(shop) + "吗？欢迎把您的专属推荐链接分享给他们：";
        }

        @Override
        String signOff() {
            return "再次感谢您的支持！";
        }

        @Override
        String signature(String sender) {
            return trail(sender) + "敬上";
        }

        @Override
        String aboutOrder(String shop, String orderName) {
            return "这封邮件是关于您在" + both(shop) + "的订单 " + orderName + "。";
        }

        @Override
        String unsubscribePrompt() {
            return "不想再收到我们的后续邮件吗？";
        }

        @Override
        String unsubscribeLink() {
            return "取消订阅";
        }

        @Override
        String unsubscribeTitle(String shop) {
            return "取消订阅" + both(shop) + "的邮件";
        }

        @Override
        String unsubscribeQuestion(String shop) {
            return "要取消订阅" + both(shop) + "的邮件吗？";
        }

        @Override
        String unsubscribeExplanation(String shop) {
            return "取消后，您将不会再收到" + both(shop) + "的后续邮件。";
        }

        @Override
        String unsubscribeButton() {
            return "取消订阅";
        }

        @Override
        String unsubscribedTitle() {
            return "已取消订阅";
        }

        @Override
        String unsubscribedText(String shop) {
            return "您将不会再收到" + both(shop) + "的后续邮件。";
        }

        @Override
        String orderEmailsContinue() {
            return "与您订单相关的通知（例如订单确认和发货通知）仍会照常发送。";
        }

        @Override
        String linkProblemTitle() {
            return "此链接已失效";
        }

        @Override
        String linkExpiredText() {
            return "链接已过期：邮件中的链接只在一段时间内有效。";
        }

        @Override
        String linkTryLaterText() {
            return "我们这边出了点问题，没有任何更改。请稍后再打开一次链接。";
        }

        @Override
        String linkInvalidText() {
            return "链接可能不完整或已被改动，请从邮件中重新打开原来的链接。";
        }

        @Override
        String linkHelp() {
            return "如需帮助，请直接回复您收到的邮件，我们很乐意为您处理。";
        }

        // --- follow-up ---

        @Override
        String followUpSubject(boolean vip, String name, String product, String shop) {
            String to = name == null ? "" : name + "，";
            if (vip) {
                String thanks = to + trail(shop) + "想对您说声谢谢";
                return product == null ? thanks : thanks + "——您的" + both(product) + "用得还好吗？";
            }
            if (product != null) {
                return to + "您的" + both(product) + "用得还好吗？";
            }
            return to + "来自" + both(shop) + "的问候";
        }

        @Override
        String followUpGreeting(String name) {
            return name == null ? "您好！" : name + "，您好！";
        }

        @Override
        String followUpHadItFor(String products, int count, String duration) {
            return "您的" + both(products) + "已经陪伴您" + lead(duration) + "了，希望您用得开心。";
        }

        @Override
        String followUpSinceOrder(String orderName, String duration) {
            String since = orderName == null ? "距离您上次下单" : "距离您的订单 " + orderName + " ";
            return since + "已经" + lead(duration) + "了，想来问候您一下，看看一切是否顺利。";
        }

        @Override
        String followUpTenure(String shop, String duration, int orderCount) {
            return "您在" + both(shop) + "购物已经" + lead(duration) + "了，至今共 " + orderCount + " 笔订单，谢谢您一再回来。";
        }

        @Override
        String followUpGladYouFoundUs(String shop, String duration) {
            return duration == null
                    ? "再次谢谢您选择" + lead(shop) + "，很高兴认识您。"
                    : "您在" + both(shop) + "购物已经" + lead(duration) + "了，很高兴认识您。";
        }

        @Override
        String followUpVipThanks(String shop, String duration) {
            String standing = duration == null
                    ? "您是" + both(shop) + "最珍惜的顾客之一。"
                    : "您在" + both(shop) + "购物已经" + lead(duration) + "了，是我们最珍惜的顾客之一。";
            return standing + "平常很少说出口，但真的想对您说声谢谢：有您这样的顾客，才有今天的我们。";
        }

        @Override
        String followUpTipsHeading(int count) {
            return "使用小诀窍";
        }

        @Override
        String followUpSurveyPrompt() {
            return "很想听听您的使用感受，您的意见能帮助我们做得更好。";
        }

        @Override
        String followUpSurveyLink() {
            return "告诉我们您的体验（约 2 分钟）";
        }

        @Override
        String followUpClosing(boolean vip) {
            return vip
                    ? "如果有任何我们能为您做的，直接回复这封邮件就可以了，我们很期待收到您的来信。"
                    : "如果有任何需要帮助的地方，直接回复这封邮件就可以了。";
        }

        @Override
        String followUpSignOff(boolean vip) {
            return vip ? "由衷感谢您！" : "祝您一切顺心！";
        }

        @Override
        String followUpWhyYouGetThis(String shop) {
            return "您收到这封邮件，是因为您曾在" + both(shop) + "购物。";
        }

        @Override
        String productList(List<String> products) {
            int n = products.size();
            if (n <= 3) {
                return chineseList(products, "和");
            }
            return products.get(0) + "、" + trail(products.get(1)) + "等 " + n + " 件商品";
        }

        @Override
        String days(long n) {
            return n + " 天";
        }

        @Override
        String months(long n) {
            return n + " 个月";
        }

        @Override
        String years(long n, boolean more) {
            return (n == 1 ? "一年" : n + " 年") + (more ? "多" : "");
        }

        // --- owner's digest ---

        @Override
        String digestSubject(List<String> names, String shop) {
            if (names.isEmpty()) {
                return "今日回访概况 — " + shop;
            }
            return "今天值得联系的" + chineseCount(names.size(), "两") + "位：" + String.join("、", names) + " — " + shop;
        }

        @Override
        String digestHeading(int picks) {
            return picks == 0 ? "今天没有需要您亲自联系的顾客" : "今天值得您亲自联系的" + chineseCount(picks, "两") + "位顾客";
        }

        @Override
        String digestIntro(int picks) {
            return picks == 0
                    ? "回访循环正在自动运行，以下是目前的概况。"
                    : "比起任何自动邮件，您亲手写的几句话——一声谢谢、一句问候、一句欢迎——更能打动顾客。"
                            + "以下是今天值得联系的顾客和原因，点击电子邮件地址即可直接给他们写信。";
        }

        @Override
        String reasonVipDueSoon(Long daysUntilDue) {
            if (daysUntilDue == null) {
                return "消费前 10% 的顾客之一，即将收到自动回访邮件；您亲自写几句话，效果更好。";
            }
            String when = daysUntilDue <= 0 ? "今天就会发出" : daysUntilDue == 1 ? "明天就会发出" : "将在 " + daysUntilDue + " 天后发出";
            return "消费前 10% 的顾客之一——自动回访邮件" + when + "；您亲自写几句话，效果更好。";
        }

        @Override
        String reasonLowRating(String orderName) {
            return "昨天为" + (orderName == null ? "订单" : "订单 " + orderName + " ")
                    + "打了 1 或 2 分，已收到致歉邮件：今天亲自联系，就有机会挽回。";
        }

        String reasonBigFirstOrder(String orderName, String total) {
            String details = orderName == null ? total : total == null ? orderName : orderName + "，" + total;
            return details == null
                    ? "昨天下了一笔大额首单——请亲自欢迎这位新顾客。"
                    : "昨天下了一笔大额首单：" + details + "——请亲自欢迎这位新顾客。";
        }

        @Override
        String whyLabel() {
            return "原因";
        }

        @Override
        String ordersLabel() {
            return "订单数";
        }

        @Override
        String lifetimeSpendLabel() {
            return "累计消费";
        }

        @Override
        String customerSinceLabel() {
            return "首次购买";
        }

        @Override
        String lastContactLabel() {
            return "上次联系";
        }

        @Override
        String healthHeading() {
            return "回访循环概况";
        }

        @Override
        String healthCustomers() {
            return "顾客总数";
        }

        @Override
        String healthDueThisWeek() {
            return "未来 7 天到期的回访";
        }

        @Override
        String healthUnreachable() {
            return "无法联系（已退订、未同意营销或退信）";
        }

        @Override
        String healthSentThisWeek() {
            return "过去 7 天发出的回访邮件";
        }

        String healthSurveysAnswered() {
            return "过去 7 天回复的问卷";
        }

        String healthCouponsRedeemed() {
            return "过去 7 天订单使用的优惠码";
        }

        @Override
        String digestFooter() {
            return "loyalty-loop 会在每天早上有事值得告诉您时发送这封邮件。";
        }

        @Override
        String someCustomer() {
            return "一位顾客";
        }
    }
}
