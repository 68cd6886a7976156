package loyaltyloop.email;

/**
 * What the survey, coupon, service-recovery and owner-alert emails and the survey pages say, per language. Like
 * {@link Messages}: plain Java, arguments are plain text, the templates escape. A {@code name} is a non-blank first
 * name or null (then the greeting is neutral). {@code offer} is a formatted coupon value ("20% off", "$5.00 off").
 */
abstract class SurveyMessages {

    static SurveyMessages of(EmailLocale locale) {
        return switch (locale) {
            case ZH_HANT -> ZhHant.INSTANCE;
            case ZH_HANS -> ZhHans.INSTANCE;
            default -> English.INSTANCE;
        };
    }

    // --- survey email ---
    abstract String surveySubject(String name, String orderName);

    abstract String greeting(String name);

    abstract String surveyIntro(String orderName, long days);

    abstract String surveyAsk();

    abstract String surveyReward(String offer);

    abstract String surveyButton();

    abstract String surveyWhy(String shop);

    // --- coupon email and page ---
    abstract String percentOff(long percent);

    abstract String amountOff(String amount);

    abstract String couponSubject(String offer, String shop);

    abstract String couponThanks();

    abstract String codeLabel();

    abstract String couponTerms(String offer, String minimum, String until);

    abstract String couponHowTo();

    abstract String couponWhy(String shop);

    // --- service recovery ---
    abstract String recoverySubject(String orderName);

    abstract String recoveryApology(String orderName);

    abstract String recoveryPerson(String shop);

    abstract String recoveryCoupon(String offer);

    // --- owner alert ---
    abstract String alertSubject(String who, int rating, String orderName);

    abstract String alertIntro(String who, int rating);

    abstract String alertReply(String who);

    abstract String alertCustomerGot(String offer, String code);

    abstract String customerLabel();

    abstract String ratingLabel();

    abstract String orderLabel();

    abstract String commentLabel();

    abstract String noComment();

    // --- pages ---
    abstract String pageTitle(String shop);

    abstract String pageHeading(String orderName);

    abstract String pageIntro(String offer);

    abstract String ratingQuestion();

    abstract String ratingLabel(int rating);

    abstract String openQuestion();

    abstract String submit();

    abstract String ratingMissing();

    abstract String commentTooLong(int max);

    abstract String thanksHeading();

    abstract String thanksText();

    abstract String emailedToo();

    abstract String pendingText();

    abstract String signOff();

    static final class English extends SurveyMessages {
        static final English INSTANCE = new English();

        String surveySubject(String name, String orderName) {
            return (name == null ? "How" : name + ", how") + " did your order " + orderName + " go?";
        }

        String greeting(String name) {
            return name == null ? "Hello," : "Hi " + name + ",";
        }

        String surveyIntro(String orderName, long days) {
            return "You've had your order " + orderName + " for " + (days == 1 ? "a day" : days + " days")
                    + " now, and we'd love to know how it went.";
        }

        String surveyAsk() {
            return "It takes under a minute: one rating from 1 to 5 and one question.";
        }

        String surveyReward(String offer) {
            return "As a thank-you, you'll get " + offer + " your next order.";
        }

        String surveyButton() {
            return "Tell us how it went";
        }

        String surveyWhy(String shop) {
            return "You get this email because you ordered from " + shop + ".";
        }

        String percentOff(long percent) {
            return percent + "% off";
        }

        String amountOff(String amount) {
            return amount + " off";
        }

        String couponSubject(String offer, String shop) {
            return "Your code for " + offer + " at " + shop;
        }

        String couponThanks() {
            return "Thank you for telling us how your order went. Here is your code, as promised.";
        }

        String codeLabel() {
            return "Your code";
        }

        String couponTerms(String offer, String minimum, String until) {
            return offer + " one order" + (minimum == null ? "" : " of " + minimum + " or more")
                    + ", valid until " + until + ", single use.";
        }

        String couponHowTo() {
            return "Enter it at checkout in the discount code field.";
        }

        String couponWhy(String shop) {
            return "You get this email because you answered a survey from " + shop + ".";
        }

        String recoverySubject(String orderName) {
            return "We're sorry about your order " + orderName;
        }

        String recoveryApology(String orderName) {
            return "Thank you for telling us honestly. We're sorry your order " + orderName
                    + " was not what it should have been.";
        }

        String recoveryPerson(String shop) {
            return "A person from " + shop + " has your message and will get in touch with you. You can also simply"
                    + " reply to this email.";
        }

        String recoveryCoupon(String offer) {
            return "We hope you'll give us another chance: your code for " + offer + " your next order is below.";
        }

        String alertSubject(String who, int rating, String orderName) {
            return who + " rated order " + orderName + " " + rating + "/5: please get in touch today";
        }

        String alertIntro(String who, int rating) {
            return who + " answered the survey with " + rating + " out of 5. A personal reply today can turn this"
                    + " around.";
        }

        String alertReply(String who) {
            return "Reply to this email to write to " + who + " directly.";
        }

        String alertCustomerGot(String offer, String code) {
            return "They have been sent an apology and their code for " + offer + " (" + code + ").";
        }

        String customerLabel() {
            return "Customer";
        }

        String ratingLabel() {
            return "Rating";
        }

        String orderLabel() {
            return "Order";
        }

        String commentLabel() {
            return "What they wrote";
        }

        String noComment() {
            return "(no comment)";
        }

        String pageTitle(String shop) {
            return shop.isEmpty() ? "How did it go?" : "How did it go? · " + shop;
        }

        String pageHeading(String orderName) {
            return "How did your order " + orderName + " go?";
        }

        String pageIntro(String offer) {
            return "One rating and one question. As a thank-you you'll get " + offer + " your next order.";
        }

        String ratingQuestion() {
            return "Your rating";
        }

        String ratingLabel(int rating) {
            return switch (rating) {
                case 1 -> "1 · Poor";
                case 2 -> "2 · Not great";
                case 3 -> "3 · OK";
                case 4 -> "4 · Good";
                default -> "5 · Excellent";
            };
        }

        String openQuestion() {
            return "What was the best part — and what could we do better?";
        }

        String submit() {
            return "Send";
        }

        String ratingMissing() {
            return "Please choose a rating from 1 to 5.";
        }

        String commentTooLong(int max) {
            return "Please keep your answer under " + max + " characters.";
        }

        String thanksHeading() {
            return "Thank you!";
        }

        String thanksText() {
            return "Your answer helps us do better. Here is your code:";
        }

        String emailedToo() {
            return "We've emailed it to you as well.";
        }

        String pendingText() {
            return "Your answer is saved. Your code is being set up at the shop right now; we'll email it to you"
                    + " within a few minutes, and it will show here when you open this link again.";
        }

        String signOff() {
            return "Thank you,";
        }
    }

    static final class ZhHant extends SurveyMessages {
        static final ZhHant INSTANCE = new ZhHant();

        String surveySubject(String name, String orderName) {
            return (name == null ? "" : name + "，") + "您的訂單 " + orderName + " 還滿意嗎？";
        }

        String greeting(String name) {
            return name == null ? "您好：" : name + " 您好：";
        }

        String surveyIntro(String orderName, long days) {
            return "您收到訂單 " + orderName + " 已經 " + days + " 天了，想聽聽您的使用感受。";
        }

        String surveyAsk() {
            return "只要不到一分鐘：一個 1 到 5 分的評分和一個問題。";
        }

        String surveyReward(String offer) {
            return "作為感謝，您的下一筆訂單可享" + offer + "。";
        }

        String surveyButton() {
            return "告訴我們您的感受";
        }

        String surveyWhy(String shop) {
            return "您收到這封信，是因為您曾在 " + shop + " 訂購。";
        }

        String percentOff(long percent) {
            long tenths = 100 - percent;
            return (tenths % 10 == 0 ? Long.toString(tenths / 10) : Long.toString(tenths)) + " 折優惠";
        }

        String amountOff(String amount) {
            return "折抵 " + amount + " 的優惠";
        }

        String couponSubject(String offer, String shop) {
            return "您在 " + shop + " 的" + offer + "優惠碼";
        }

        String couponThanks() {
            return "感謝您告訴我們訂單的使用感受。這是答應您的優惠碼。";
        }

        String codeLabel() {
            return "您的優惠碼";
        }

        String couponTerms(String offer, String minimum, String until) {
            return "單筆訂單" + (minimum == null ? "" : "滿 " + minimum + " ") + "享" + offer + "，限用一次，有效期限至 "
                    + until + "。";
        }

        String couponHowTo() {
            return "結帳時在折扣碼欄位輸入即可。";
        }

        String couponWhy(String shop) {
            return "您收到這封信，是因為您回覆了 " + shop + " 的問卷。";
        }

        String recoverySubject(String orderName) {
            return "關於您的訂單 " + orderName + "，我們很抱歉";
        }

        String recoveryApology(String orderName) {
            return "謝謝您坦白告訴我們。很抱歉訂單 " + orderName + " 沒有達到應有的水準。";
        }

        String recoveryPerson(String shop) {
            return shop + " 的專人已收到您的意見，會親自與您聯絡。您也可以直接回覆這封信。";
        }

        String recoveryCoupon(String offer) {
            return "希望您願意再給我們一次機會：以下是您下一筆訂單的" + offer + "優惠碼。";
        }

        String alertSubject(String who, int rating, String orderName) {
            return who + " 為訂單 " + orderName + " 評了 " + rating + "/5 分：請今天與對方聯絡";
        }

        String alertIntro(String who, int rating) {
            return who + " 在問卷中給了 " + rating + " 分（滿分 5 分）。今天親自回覆，就有機會挽回。";
        }

        String alertReply(String who) {
            return "直接回覆這封信，即可寫信給 " + who + "。";
        }

        String alertCustomerGot(String offer, String code) {
            return "對方已收到致歉信和" + offer + "優惠碼（" + code + "）。";
        }

        String customerLabel() {
            return "顧客";
        }

        String ratingLabel() {
            return "評分";
        }

        String orderLabel() {
            return "訂單";
        }

        String commentLabel() {
            return "顧客留言";
        }

        String noComment() {
            return "（沒有留言）";
        }

        String pageTitle(String shop) {
            return shop.isEmpty() ? "使用感受" : "使用感受 · " + shop;
        }

        String pageHeading(String orderName) {
            return "您的訂單 " + orderName + " 還滿意嗎？";
        }

        String pageIntro(String offer) {
            return "一個評分和一個問題。作為感謝，您的下一筆訂單可享" + offer + "。";
        }

        String ratingQuestion() {
            return "您的評分";
        }

        String ratingLabel(int rating) {
            return switch (rating) {
                case 1 -> "1 · 很差";
                case 2 -> "2 · 不太好";
                case 3 -> "3 · 普通";
                case 4 -> "4 · 很好";
                default -> "5 · 非常好";
            };
        }

        String openQuestion() {
            return "最滿意的是什麼？我們還能怎麼做得更好？";
        }

        String submit() {
            return "送出";
        }

        String ratingMissing() {
            return "請選擇 1 到 5 分的評分。";
        }

        String commentTooLong(int max) {
            return "請將回覆控制在 " + max + " 字以內。";
        }

        String thanksHeading() {
            return "謝謝您！";
        }

        String thanksText() {
            return "您的回覆能幫助我們做得更好。這是您的優惠碼：";
        }

        String emailedToo() {
            return "我們也已將優惠碼寄到您的信箱。";
        }

        String pendingText() {
            return "您的回覆已儲存。優惠碼正在商店建立中，幾分鐘內會寄到您的信箱；再次開啟此連結也能看到。";
        }

        String signOff() {
            return "謝謝您，";
        }
    }

    static final class ZhHans extends SurveyMessages {
        static final ZhHans INSTANCE = new ZhHans();

        String surveySubject(String name, String orderName) {
            return (name == null ? "" : name + "，") + "您的订单 " + orderName + " 还满意吗？";
        }

        String greeting(String name) {
            return name == null ? "您好：" : name + " 您好：";
        }

        String surveyIntro(String orderName, long days) {
            return "您收到订单 " + orderName + " 已经 " + days + " 天了，想听听您的使用感受。";
        }

        String surveyAsk() {
            return "只需不到一分钟：一个 1 到 5 分的评分和一个问题。";
        }

        String surveyReward(String offer) {
            return "作为感谢，您的下一笔订单可享" + offer + "。";
        }

        String surveyButton() {
            return "告诉我们您的感受";
        }

        String surveyWhy(String shop) {
            return "您收到这封邮件，是因为您曾在 " + shop + " 下单。";
        }

        String percentOff(long percent) {
            long tenths = 100 - percent;
            return (tenths % 10 == 0 ? Long.toString(tenths / 10) : Long.toString(tenths)) + " 折优惠";
        }

        String amountOff(String amount) {
            return "立减 " + amount + " 的优惠";
        }

        String couponSubject(String offer, String shop) {
            return "您在 " + shop + " 的" + offer + "优惠码";
        }

        String couponThanks() {
            return "感谢您告诉我们订单的使用感受。这是答应您的优惠码。";
        }

        String codeLabel() {
            return "您的优惠码";
        }

        String couponTerms(String offer, String minimum, String until) {
            return "单笔订单" + (minimum == null ? "" : "满 " + minimum + " ") + "享" + offer + "，限用一次，有效期至 "
                    + until + "。";
        }

        String couponHowTo() {
            return "结账时在优惠码栏输入即可。";
        }

        String couponWhy(String shop) {
            return "您收到这封邮件，是因为您回复了 " + shop + " 的问卷。";
        }

        String recoverySubject(String orderName) {
            return "关于您的订单 " + orderName + "，我们很抱歉";
        }

        String recoveryApology(String orderName) {
            return "谢谢您坦诚地告诉我们。很抱歉订单 " + orderName + " 没有达到应有的水准。";
        }

        String recoveryPerson(String shop) {
            return shop + " 的专人已收到您的意见，会亲自与您联系。您也可以直接回复这封邮件。";
        }

        String recoveryCoupon(String offer) {
            return "希望您愿意再给我们一次机会：以下是您下一笔订单的" + offer + "优惠码。";
        }

        String alertSubject(String who, int rating, String orderName) {
            return who + " 为订单 " + orderName + " 打了 " + rating + "/5 分：请今天与对方联系";
        }

        String alertIntro(String who, int rating) {
            return who + " 在问卷中打了 " + rating + " 分（满分 5 分）。今天亲自回复，就有机会挽回。";
        }

        String alertReply(String who) {
            return "直接回复这封邮件，即可写信给 " + who + "。";
        }

        String alertCustomerGot(String offer, String code) {
            return "对方已收到致歉邮件和" + offer + "优惠码（" + code + "）。";
        }

        String customerLabel() {
            return "顾客";
        }

        String ratingLabel() {
            return "评分";
        }

        String orderLabel() {
            return "订单";
        }

        String commentLabel() {
            return "顾客留言";
        }

        String noComment() {
            return "（没有留言）";
        }

        String pageTitle(String shop) {
            return shop.isEmpty() ? "使用感受" : "使用感受 · " + shop;
        }

        String pageHeading(String orderName) {
            return "您的订单 " + orderName + " 还满意吗？";
        }

        String pageIntro(String offer) {
            return "一个评分和一个问题。作为感谢，您的下一笔订单可享" + offer + "。";
        }

        String ratingQuestion() {
            return "您的评分";
        }

        String ratingLabel(int rating) {
            return switch (rating) {
                case 1 -> "1 · 很差";
                case 2 -> "2 · 不太好";
                case 3 -> "3 · 一般";
                case 4 -> "4 · 很好";
                default -> "5 · 非常好";
            };
        }

        String openQuestion() {
            return "最满意的是什么？我们还能怎样做得更好？";
        }

        String submit() {
            return "提交";
        }

        String ratingMissing() {
            return "请选择 1 到 5 分的评分。";
        }

        String commentTooLong(int max) {
            return "请将回复控制在 " + max + " 字以内。";
        }

        String thanksHeading() {
            return "谢谢您！";
        }

        String thanksText() {
            return "您的回复能帮助我们做得更好。这是您的优惠码：";
        }

        String emailedToo() {
            return "我们也已把优惠码发到您的邮箱。";
        }

        String pendingText() {
            return "您的回复已保存。优惠码正在商店创建中，几分钟内会发到您的邮箱；再次打开此链接也能看到。";
        }

        String signOff() {
            return "谢谢您，";
        }
    }
}
