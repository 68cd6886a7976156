package loyaltyloop.email;

import java.util.Map;

/**
 * The words of the points email and the points pages in English, Traditional Chinese and Simplified Chinese.
 * Placeholders are {@code {0}}, {@code {1}}…, replaced literally (values are formatted by the caller and escaped
 * by the templates).
 */
final class PointsMessages {

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("subject", "You earned {0} points at {1}"),
            Map.entry("heading", "Thank you for spreading the word"),
            Map.entry("friendConverted", "{0} placed their first order with your referral link."),
            Map.entry("someoneConverted", "A friend placed their first order with your referral link."),
            Map.entry("earned", "You earned {0} points."),
            Map.entry("note.tenure", "That includes your loyalty bonus for being our customer for over a year."),
            Map.entry("note.top", "That includes your bonus as one of our best customers."),
            Map.entry("note.tenure+top", "That includes your loyalty bonuses: over a year with us, and one of our best customers."),
            Map.entry("balance", "Your balance: {0} points"),
            Map.entry("statementPrompt", "See your points and what they buy"),
            Map.entry("signOff", "Thank you,"),
            Map.entry("why", "You get this email because a friend used your referral link at {0}."),
            Map.entry("pageTitle", "Your points at {0}"),
            Map.entry("balanceLabel", "Balance"),
            Map.entry("pointsUnit", "{0} points"),
            Map.entry("historyHeading", "History"),
            Map.entry("dateLabel", "Date"),
            Map.entry("whatLabel", "What"),
            Map.entry("pointsLabel", "Points"),
            Map.entry("noEntries", "No points yet. Share your referral link: every friend whose first order comes through it earns you points."),
            Map.entry("reason.referral", "Referral: a friend''s first order"),
            Map.entry("reason.referralNamed", "Referral: {0}''s first order"),
            Map.entry("reason.clawback", "Referred order refunded"),
            Map.entry("reason.clawbackCancel", "Referred order cancelled"),
            Map.entry("reason.shortfall", "({0} points were already spent)"),
            Map.entry("reason.redeem", "Coupon {0}"),
            Map.entry("reason.adjustment", "Adjustment"),
            Map.entry("rewardsHeading", "What your points buy"),
            Map.entry("tier", "{0} points: {1}"),
            Map.entry("percentOff", "{0}% off your next order"),
            Map.entry("amountOff", "{0} off your next order"),
            Map.entry("redeemButton", "Redeem {0} points"),
            Map.entry("couponTitle", "Your coupon"),
            Map.entry("couponText", "Use this code at checkout for {0}. It works once, until {1}."),
            Map.entry("balanceNow", "Your balance is now {0} points."),
            Map.entry("preparingTitle", "Your coupon is being prepared"),
            Map.entry("preparingText", "Your points are set aside for it, but the shop has not confirmed the code yet. Press the button in a minute to get it."),
            Map.entry("preparingButton", "Get my coupon"),
            Map.entry("notEnoughTitle", "Not enough points"),
            Map.entry("notEnoughText", "This reward needs {0} points and your balance is {1}. Nothing was changed."),
            Map.entry("unknownTierTitle", "That reward is not available"),
            Map.entry("unknownTierText", "Please choose one of the rewards on your points page. Nothing was changed."),
            Map.entry("unavailableTitle", "Redeeming is not available right now"),
            Map.entry("unavailableText", "Please try again later. Nothing was changed."),
            Map.entry("backLink", "Back to your points"),
            Map.entry("unknownCodeTitle", "This referral link does not work"),
            Map.entry("unknownCodeText", "The link may be mistyped. Ask your friend to send it again."));

    private static final Map<String, String> ZH_HANT = Map.ofEntries(
            Map.entry("subject", "您在 {1} 獲得了 {0} 點"),
            Map.entry("heading", "感謝您的推薦"),
            Map.entry("friendConverted", "{0} 透過您的推薦連結完成了第一筆訂單。"),
            Map.entry("someoneConverted", "一位朋友透過您的推薦連結完成了第一筆訂單。"),
            Map.entry("earned", "您獲得了 {0} 點。"),
            Map.entry("note.tenure", "其中包含您成為我們顧客超過一年的忠誠加碼。"),
            Map.entry("note.top", "其中包含您身為我們最佳顧客之一的加碼。"),
            Map.entry("note.tenure+top", "其中包含您的忠誠加碼：與我們同行超過一年，並且是我們最佳顧客之一。"),
            Map.entry("balance", "您的點數餘額：{0} 點"),
            Map.entry("statementPrompt", "查看您的點數與可兌換的獎勵"),
            Map.entry("signOff", "謝謝您，"),
            Map.entry("why", "您收到這封郵件，是因為有朋友在 {0} 使用了您的推薦連結。"),
            Map.entry("pageTitle", "您在 {0} 的點數"),
            Map.entry("balanceLabel", "餘額"),
            Map.entry("pointsUnit", "{0} 點"),
            Map.entry("historyHeading", "紀錄"),
            Map.entry("dateLabel", "日期"),
            Map.entry("whatLabel", "項目"),
            Map.entry("pointsLabel", "點數"),
            Map.entry("noEntries", "目前還沒有點數。分享您的推薦連結：每位透過它完成第一筆訂單的朋友都會為您帶來點數。"),
            Map.entry("reason.referral", "推薦：朋友的第一筆訂單"),
            Map.entry("reason.referralNamed", "推薦：{0} 的第一筆訂單"),
            Map.entry("reason.clawback", "推薦的訂單已退款"),
            Map.entry("reason.clawbackCancel", "推薦的訂單已取消"),
            Map.entry("reason.shortfall", "（其中 {0} 點已使用）"),
            Map.entry("reason.redeem", "優惠券 {0}"),
            Map.entry("reason.adjustment", "調整"),
            Map.entry("rewardsHeading", "點數可以兌換"),
            Map.entry("tier", "{0} 點：{1}"),
            Map.entry("percentOff", "下一筆訂單 {0}% 折扣"),
            Map.entry("amountOff", "下一筆訂單折抵 {0}"),
            Map.entry("redeemButton", "兌換 {0} 點"),
            Map.entry("couponTitle", "您的優惠券"),
            Map.entry("couponText", "結帳時輸入此代碼即可享有{0}。限用一次，有效至 {1}。"),
            Map.entry("balanceNow", "您目前的點數餘額為 {0} 點。"),
            Map.entry("preparingTitle", "您的優惠券正在準備中"),
            Map.entry("preparingText", "您的點數已為它保留，但商店尚未確認代碼。請稍候一分鐘再按下按鈕取得代碼。"),
            Map.entry("preparingButton", "取得我的優惠券"),
            Map.entry("notEnoughTitle", "點數不足"),
            Map.entry("notEnoughText", "此獎勵需要 {0} 點，您的餘額為 {1} 點。沒有任何變更。"),
            Map.entry("unknownTierTitle", "無法兌換此獎勵"),
            Map.entry("unknownTierText", "請從您的點數頁面選擇獎勵。沒有任何變更。"),
            Map.entry("unavailableTitle", "目前無法兌換"),
            Map.entry("unavailableText", "請稍後再試。沒有任何變更。"),
            Map.entry("backLink", "回到您的點數"),
            Map.entry("unknownCodeTitle", "此推薦連結無效"),
            Map.entry("unknownCodeText", "連結可能有誤，請朋友再傳一次。"));

    private static final Map<String, String> ZH_HANS = Map.ofEntries(
            Map.entry("subject", "您在 {1} 获得了 {0} 积分"),
            Map.entry("heading", "感谢您的推荐"),
            Map.entry("friendConverted", "{0} 通过您的推荐链接完成了第一笔订单。"),
            Map.entry("someoneConverted", "一位朋友通过您的推荐链接完成了第一笔订单。"),
            Map.entry("earned", "您获得了 {0} 积分。"),
            Map.entry("note.tenure", "其中包含您成为我们顾客超过一年的忠诚加成。"),
            Map.entry("note.top", "其中包含您作为我们最佳顾客之一的加成。"),
            Map.entry("note.tenure+top", "其中包含您的忠诚加成：与我们同行超过一年，并且是我们最佳顾客之一。"),
            Map.entry("balance", "您的积分余额：{0} 积分"),
            Map.entry("statementPrompt", "查看您的积分和可兑换的奖励"),
            Map.entry("signOff", "谢谢您，"),
            Map.entry("why", "您收到这封邮件，是因为有朋友在 {0} 使用了您的推荐链接。"),
            Map.entry("pageTitle", "您在 {0} 的积分"),
            Map.entry("balanceLabel", "余额"),
            Map.entry("pointsUnit", "{0} 积分"),
            Map.entry("historyHeading", "记录"),
            Map.entry("dateLabel", "日期"),
            Map.entry("whatLabel", "项目"),
            Map.entry("pointsLabel", "积分"),
            Map.entry("noEntries", "目前还没有积分。分享您的推荐链接：每位通过它完成第一笔订单的朋友都会为您带来积分。"),
            Map.entry("reason.referral", "推荐：朋友的第一笔订单"),
            Map.entry("reason.referralNamed", "推荐：{0} 的第一笔订单"),
            Map.entry("reason.clawback", "推荐的订单已退款"),
            Map.entry("reason.clawbackCancel", "推荐的订单已取消"),
            Map.entry("reason.shortfall", "（其中 {0} 积分已使用）"),
            Map.entry("reason.redeem", "优惠券 {0}"),
            Map.entry("reason.adjustment", "调整"),
            Map.entry("rewardsHeading", "积分可以兑换"),
            Map.entry("tier", "{0} 积分：{1}"),
            Map.entry("percentOff", "下一笔订单 {0}% 折扣"),
            Map.entry("amountOff", "下一笔订单立减 {0}"),
            Map.entry("redeemButton", "兑换 {0} 积分"),
            Map.entry("couponTitle", "您的优惠券"),
            Map.entry("couponText", "结账时输入此代码即可享受{0}。限用一次，有效期至 {1}。"),
            Map.entry("balanceNow", "您目前的积分余额为 {0} 积分。"),
            Map.entry("preparingTitle", "您的优惠券正在准备中"),
            Map.entry("preparingText", "您的积分已为它保留，但商店尚未确认代码。请稍等一分钟再点击按钮获取代码。"),
            Map.entry("preparingButton", "获取我的优惠券"),
            Map.entry("notEnoughTitle", "积分不足"),
            Map.entry("notEnoughText", "此奖励需要 {0} 积分，您的余额为 {1} 积分。没有任何更改。"),
            Map.entry("unknownTierTitle", "无法兑换此奖励"),
            Map.entry("unknownTierText", "请从您的积分页面选择奖励。没有任何更改。"),
            Map.entry("unavailableTitle", "目前无法兑换"),
            Map.entry("unavailableText", "请稍后再试。没有任何更改。"),
            Map.entry("backLink", "回到您的积分"),
            Map.entry("unknownCodeTitle", "此推荐链接无效"),
            Map.entry("unknownCodeText", "链接可能有误，请朋友再发一次。"));

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{(\\d)}");

    private final Map<String, String> texts;

    private PointsMessages(Map<String, String> texts) {
        this.texts = texts;
    }

    static PointsMessages of(EmailLocale locale) {
        return switch (locale) {
            case ZH_HANT -> new PointsMessages(ZH_HANT);
            case ZH_HANS -> new PointsMessages(ZH_HANS);
            default -> new PointsMessages(EN);
        };
    }

    /** The text for {@code key} with {@code {i}} replaced by {@code args[i]} (and {@code ''} by {@code '}). */
    String text(String key, Object... args) {
        String pattern = texts.get(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no text " + key);
        }
        // One pass, so a value that itself looks like "{1}" is never replaced again.
        java.util.regex.Matcher m = PLACEHOLDER.matcher(pattern.replace("''", "'"));
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            int index = Integer.parseInt(m.group(1));
            String value = index < args.length ? String.valueOf(args[index]) : m.group();
            m.appendReplacement(result, java.util.regex.Matcher.quoteReplacement(value));
        }
        m.appendTail(result);
        return result.toString();
    }

    static java.util.Set<String> keys(EmailLocale locale) {
        return of(locale).texts.keySet();
    }
}
