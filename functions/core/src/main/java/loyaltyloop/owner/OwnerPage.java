package loyaltyloop.owner;

import jakarta.inject.Singleton;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.email.MoneyFormat;
import loyaltyloop.email.Translation;
import loyaltyloop.ladder.LadderTally;
import loyaltyloop.ladder.Stage;

/**
 * The owner page as HTML with inline SVG charts (no script, no external font or stylesheet), in the shop's language.
 * The chart geometry is worked out here; {@code ownerpage.jte} only places it. Every number a chart shows also sits
 * in a {@code data-count} attribute, so a browser test can compare the page with the JSON.
 */
@Singleton
public class OwnerPage {

    static final int WIDTH = 320;
    private static final String[] COLOURS = {"#9ca3af", "#93c5fd", "#3b82f6", "#1d4ed8", "#f59e0b"};
    /** Stages top to bottom in the funnel: the widest rung first, lapsed apart at the bottom. */
    private static final List<Stage> FUNNEL = List.of(Stage.FIRST_TIME, Stage.REPEAT, Stage.LOYAL, Stage.ADVOCATE,
            Stage.LAPSED);

    private final EmailTemplates templates;

    public OwnerPage(EmailTemplates templates) {
        this.templates = templates;
    }

    public record Bar(String key, String label, long count, String countText, int x, int y, int width, int height,
            String colour) {
    }

    public record MoveRow(String label, String last7, String last30) {
    }

    public record Week(String title, int x, List<Bar> segments) {
    }

    public record Fact(String key, String label, String value) {
    }

    public record Model(String lang, String title, String asOf, String ladderHeading, String customersText,
            long customers, List<Bar> funnel, int funnelHeight, String movesHeading, String periodLabel,
            String last7Label, String last30Label, List<MoveRow> moves, String trendHeading, List<Week> trend,
            List<Bar> legend, String promiseHeading, int promisePercent, String promiseKept, long overdue,
            String overdueText, String surveysHeading, String surveysText, List<Bar> ratings,
            String resultsHeading, List<Fact> results, String footer) {
    }

    public String render(OwnerInsight insight) {
        EmailLocale locale = EmailLocale.resolve(insight.shop().defaultLocale(), null);
        Translation t = Translation.of(locale, insight.shop());
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale.toLocale());
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale.toLocale());

        long widest = Math.max(1, insight.stages().values().stream().mapToLong(Long::longValue).max().orElse(1));
        List<Bar> funnel = new ArrayList<>();
        int row = 0;
        for (Stage stage : FUNNEL) {
            long n = insight.stages().get(stage);
            int width = (int) Math.max(2, Math.round((WIDTH - 120) * (double) n / widest));
            int y = row * 36 + (stage == Stage.LAPSED ? 12 : 0);
            funnel.add(new Bar(stage.wireName(), t.text("owner.stage." + stage.wireName()), n, numbers.format(n),
                    110 + (WIDTH - 120 - width) / 2, y, width, 28, colour(stage)));
            row++;
        }

        LadderTally.Moves w = insight.last7Days();
        LadderTally.Moves m = insight.last30Days();
        List<MoveRow> moves = List.of(
                new MoveRow(t.text("owner.moves.joined"), numbers.format(w.joined()), numbers.format(m.joined())),
                new MoveRow(t.text("owner.moves.up"), numbers.format(w.up()), numbers.format(m.up())),
                new MoveRow(t.text("owner.moves.down"), numbers.format(w.down()), numbers.format(m.down())),
                new MoveRow(t.text("owner.moves.lapsed"), numbers.format(w.lapsed()), numbers.format(m.lapsed())));

        long tallest = Math.max(1, insight.trend().stream().mapToLong(LadderTally::customers).max().orElse(1));
        List<Week> trend = new ArrayList<>();
        int step = WIDTH / Math.max(1, insight.trend().size());
        for (int i = 0; i < insight.trend().size(); i++) {
            Map<Stage, Long> week = insight.trend().get(i);
            List<Bar> segments = new ArrayList<>();
            int top = 140;
            for (Stage stage : FUNNEL) {
                long n = week.get(stage);
                int height = (int) Math.round(130.0 * n / tallest);
                top -= height;
                segments.add(new Bar(stage.wireName(), t.text("owner.stage." + stage.wireName()), n,
                        numbers.format(n), i * step + 3, top, step - 6, height, colour(stage)));
            }
            String weekEnding = dates.format(insight.day().minusWeeks(insight.trend().size() - 1L - i));
            trend.add(new Week(t.text("owner.trend.week", weekEnding), i * step + 3, segments));
        }
        List<Bar> legend = new ArrayList<>();
        for (Stage stage : FUNNEL) {
            legend.add(new Bar(stage.wireName(), t.text("owner.stage." + stage.wireName()), 0, "", 0, 0, 10, 10,
                    colour(stage)));
        }

        long mostAnswers = Math.max(1, insight.ratings().stream().mapToLong(Long::longValue).max().orElse(1));
        List<Bar> ratings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long n = insight.ratings().get(i);
            ratings.add(new Bar(String.valueOf(i + 1), t.text("owner.surveys.stars", i + 1), n, numbers.format(n), 70,
                    i * 26, (int) Math.max(2, Math.round((WIDTH - 120) * (double) n / mostAnswers)), 20,
                    i < 2 ? "#f59e0b" : "#3b82f6"));
        }
        Double average = insight.averageRating();
        String surveysText = t.text("owner.surveys.answered", insight.surveysAnswered())
                + (average == null ? "" : " · " + t.text("owner.surveys.average",
                        NumberFormat.getNumberInstance(locale.toLocale()).format(average)));

        List<Fact> results = List.of(
                new Fact("recoveryCases", t.text("owner.results.recovery"), numbers.format(insight.recoveryCases())),
                new Fact("orderedAgain", t.text("owner.results.recovered"), numbers.format(insight.recoveredOrders())),
                new Fact("clicks", t.text("owner.results.clicks"), numbers.format(insight.referralClicks())),
                new Fact("conversions", t.text("owner.results.conversions"),
                        numbers.format(insight.referralConversions())),
                new Fact("issued", t.text("owner.results.issued"), numbers.format(insight.couponsIssued())),
                new Fact("redeemed", t.text("owner.results.redeemed"), numbers.format(insight.couponsRedeemed())),
                new Fact("loopRevenue", t.text("owner.results.revenue"),
                        MoneyFormat.format(insight.loopRevenue(), locale)));

        Model model = new Model(locale.tag(), t.text("owner.title", EmailTemplates.shopName(insight.shop())),
                t.text("owner.asOf", dates.format(insight.day())), t.text("owner.ladder.heading"),
                t.text("owner.ladder.customers", insight.customers()), insight.customers(), funnel,
                FUNNEL.size() * 36 + 12, t.text("owner.moves.heading"), t.text("owner.moves.period"),
                t.text("owner.moves.last7"), t.text("owner.moves.last30"), moves, t.text("owner.trend.heading"), trend,
                legend, t.text("owner.promise.heading"), insight.promiseKeptPercent(), t.text("owner.promise.kept"),
                insight.overdue(), t.text("owner.promise.overdue", insight.overdue()), t.text("owner.surveys.heading"),
                surveysText, ratings, t.text("owner.results.heading"), results, t.text("owner.footer"));
        return templates.renderHtml("ownerpage.jte", model);
    }

    private static String colour(Stage stage) {
        return switch (stage) {
            case FIRST_TIME -> COLOURS[0];
            case REPEAT -> COLOURS[1];
            case LOYAL -> COLOURS[2];
            case ADVOCATE -> COLOURS[3];
            case LAPSED -> COLOURS[4];
        };
    }
}
