package loyaltyloop.email;

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

    abstract String linkHelp();

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
        String linkInvalidText() {
            return "It may be incomplete or may have been changed. Please open it again from the email, exactly as it was sent.";
        }

        @Override
        String linkHelp() {
            return "If you need help, just reply to the email you received from us and we'll be glad to help.";
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
        String linkInvalidText() {
            return "連結可能不完整或已被更動，請從郵件中重新開啟原本的連結。";
        }

        @Override
        String linkHelp() {
            return "如需協助，請直接回覆您收到的郵件，我們很樂意為您處理。";
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
        String linkInvalidText() {
            return "链接可能不完整或已被改动，请从邮件中重新打开原来的链接。";
        }

        @Override
        String linkHelp() {
            return "如需帮助，请直接回复您收到的邮件，我们很乐意为您处理。";
        }
    }
}
