package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loyaltyloop.testing.EndToEndTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The bar of issue 17: a scripted history through the local runner (orders, a repeat order, a referral, surveys with
 * a low rating, a coupon used, a refund, the clock moved half a year), then the owner page behind the digest's link.
 * Every count in its JSON is what the script did, and the stages sum to the customers.
 */
@EndToEndTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OwnerPageTest {

    private static final String SECRET = "owner-page-secret-0123456789abcdef";
    private static LocalRunner runner;
    private static RunnerHttp http;

    @BeforeAll
    static void start() {
        runner = LocalRunner.start(RunnerOptions.defaults().withPort(0).withWebhookSecret(SECRET));
        http = new RunnerHttp(runner, SECRET);
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    static void order(String id, String email, String total, String extra) throws Exception {
        http.shopify("orders/create", """
                {"id":%s,"order_number":%s,"name":"#%s","email":"%s","created_at":"%s","currency":"USD",
                 "total_price":"%s","subtotal_price":"%s","customer_locale":"en","test":false,
                 "buyer_accepts_marketing":true%s,
                 "customer":{"first_name":"<b>%s</b>","email":"%s"},
                 "line_items":[{"title":"Walnut board","quantity":1,"price":"%s","product_id":9911}]}"""
                .formatted(id, id, id, email, runner.clock().instant(), total, total, extra, email.substring(0, 3),
                        email, total));
    }

    /**
     * Moves the clock, then lets the runner's schedule ticker (it looks every second) fire what the clock passed (the
     * hourly sweep, the morning digest) and waits until all of it is handled, so the script is the same every run.
     */
    static void advance(String duration) throws Exception {
        assertThat(http.post("/_local/clock", "application/json", "{\"advance\":\"" + duration + "\"}").statusCode())
                .isEqualTo(200);
        Thread.sleep(2_500);
        assertThat(runner.eventBus().awaitIdle(Duration.ofSeconds(60))).isTrue();
    }

    static JsonNode lastTo(String to, String kind) throws Exception {
        JsonNode found = null;
        for (JsonNode email : http.outbox()) {
            if (email.get("kind").asText().equals(kind) && email.get("to").asText().equals(to)) {
                found = email;
            }
        }
        assertThat(found).as(kind + " to " + to).isNotNull();
        return found;
    }

    static long outboxCount(String kind) throws Exception {
        // Each email's own kind, not its SES tags' copy of it.
        long count = 0;
        for (com.fasterxml.jackson.databind.JsonNode email : http.outbox()) {
            count += email.path("kind").asText().equals(kind) ? 1 : 0;
        }
        return count;
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.groupCount() > 0 ? m.group(1) : m.group();
    }

    /** Answers the customer's survey; returns the coupon code the thank-you page shows. */
    static String answerSurvey(String to, int rating) throws Exception {
        String url = find(lastTo(to, "survey").get("text").asText(), Pattern.quote(runner.baseUrl()) + "/s/[A-Za-z0-9._~-]+");
        HttpResponse<String> thanks = http.post(url, "application/x-www-form-urlencoded", "rating=" + rating
                + "&comment=" + URLEncoder.encode("<script>alert(1)</script> meh", StandardCharsets.UTF_8));
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(runner.eventBus().awaitIdle(Duration.ofSeconds(30))).isTrue();
        return find(thanks.body(), "class=\"code\">([A-Z0-9-]+)<");
    }

    @Test
    @Order(1)
    void afterAScriptedHistoryEveryCountOnTheOwnerPageIsWhatHappened() throws Exception {
        // Day 0: Dan's big order first (the only customer, so in the top 10%: loyal), then three smaller ones; Cat
        // comes through Ann's referral link, which makes Ann an advocate.
        order("5001", "dan@example.com", "1000.00", "");
        order("5002", "ann@example.com", "40.00", "");
        order("5003", "bob@example.com", "30.00", "");
        String annCode = find(lastTo("ann@example.com", "affirmation").get("text").asText(), "/r/([A-Z2-9]{8})");
        assertThat(http.get("/r/" + annCode).statusCode()).isEqualTo(302);
        order("5004", "cat@example.com", "35.00",
                ",\"note_attributes\":[{\"name\":\"loyalty_ref\",\"value\":\"" + annCode + "\"}]");

        // Day 10: Bob comes back (repeat).
        advance("P10D");
        order("5005", "bob@example.com", "30.00", "");

        // Day 14: the surveys go out; Ann is happy, Cat is not (service recovery).
        advance("P4D");
        assertThat(http.post("/_local/schedules/FollowUpSweepFunction", null, "").statusCode()).isEqualTo(200);
        answerSurvey("ann@example.com", 5);
        String catCoupon = answerSurvey("cat@example.com", 2);

        // Day 20: Cat orders again with her coupon (recovered, repeat; loop revenue).
        advance("P6D");
        order("5006", "cat@example.com", "28.00",
                ",\"discount_codes\":[{\"code\":\"" + catCoupon + "\",\"amount\":\"7.00\",\"type\":\"percentage\"}]");

        // Day 25: most of Dan's order is refunded: out of the top 10%, so down to first-time.
        advance("P5D");
        http.shopify("refunds/create", """
                {"id":99001,"order_id":5001,"transactions":[{"kind":"refund","status":"success","amount":"990.00",
                 "currency":"USD"}]}""");

        // Day 185: Dan and Ann (last orders on day 0) lapsed on day 180. The clock's jump fires the hourly sweep, which
        // sends the four follow-ups now due: the 90-45 promise is kept.
        advance("P160D");
        assertThat(http.post("/_local/schedules/FollowUpSweepFunction", null, "").statusCode()).isEqualTo(200);
        assertThat(outboxCount("follow-up")).isEqualTo(4);

        // Day 186: the morning's digest summarises the owner page and carries its link.
        advance("P1D");
        String digest = lastTo("owner@demo.example", "owner-digest").get("text").asText();
        assertThat(digest).contains("4 customers: 0 first-time, 2 repeat, 0 loyal, 0 advocates, 2 lapsed.",
                "90-45 promise: 100% within their window, 0 overdue.");
        String ownerUrl = find(digest, Pattern.quote(runner.baseUrl()) + "/o/[A-Za-z0-9._~-]+");
        JsonNode owner = ownerJson(ownerUrl);

        assertThat(owner.path("customers").asLong()).isEqualTo(4);
        JsonNode stages = owner.path("stages");
        assertThat(stages.path("firstTime").asLong()).isZero();
        assertThat(stages.path("repeat").asLong()).as("Bob and Cat").isEqualTo(2);
        assertThat(stages.path("loyal").asLong()).isZero();
        assertThat(stages.path("advocate").asLong()).isZero();
        assertThat(stages.path("lapsed").asLong()).as("Dan and Ann").isEqualTo(2);
        long sum = 0;
        for (JsonNode n : stages) {
            sum += n.asLong();
        }
        assertThat(sum).isEqualTo(owner.path("customers").asLong());
        // Days 180-186 and 157-186: only the two lapses.
        for (String period : new String[] {"last7Days", "last30Days"}) {
            JsonNode moves = owner.path("moves").path(period);
            assertThat(moves.path("joined").asLong()).isZero();
            assertThat(moves.path("up").asLong()).isZero();
            assertThat(moves.path("down").asLong()).isEqualTo(2);
            assertThat(moves.path("lapsed").asLong()).isEqualTo(2);
        }
        assertThat(owner.path("promise").path("overdue").asLong()).isZero();
        assertThat(owner.path("promise").path("withinWindow").asLong()).isEqualTo(4);
        assertThat(owner.path("surveys").path("answered").asLong()).isEqualTo(2);
        assertThat(owner.path("surveys").path("averageRating").asDouble()).isEqualTo(3.5);
        assertThat(owner.path("referrals").path("clicks").asLong()).isEqualTo(1);
        assertThat(owner.path("referrals").path("conversions").asLong()).isEqualTo(1);
        assertThat(owner.path("coupons").path("issued").asLong()).isEqualTo(2);
        assertThat(owner.path("coupons").path("redeemed").asLong()).isEqualTo(1);
        assertThat(owner.path("loopRevenue").path("amount").asText()).as("Cat's referred 35.00 and coupon 28.00")
                .isEqualTo("63.00");
        assertThat(owner.path("loopRevenue").path("currency").asText()).isEqualTo("USD");

        // The page: the same numbers in its charts, the recovery outcome, and no script.
        HttpResponse<String> page = http.get(ownerUrl);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<svg", "data-stage=\"repeat\" data-count=\"2\"",
                "data-stage=\"lapsed\" data-count=\"2\"", "data-rating=\"2\" data-count=\"1\"",
                "data-rating=\"5\" data-count=\"1\"").doesNotContain("<script", "http://", "https://");
        assertThat(find(page.body(), "data-result=\"orderedAgain\"><td>[^<]*</td><td class=\"n\">([0-9]+)<"))
                .as("Cat ordered again after her low rating").isEqualTo("1");
        assertThat(find(page.body(), "data-result=\"recoveryCases\"><td>[^<]*</td><td class=\"n\">([0-9]+)<"))
                .isEqualTo("1");
        assertThat(runner.eventBus().deadLetters()).isEmpty();
    }

    /**
     * The page as the owner sees it, after the history above: headless Chromium (Debian's {@code chromium} and
     * {@code chromium-driver}; {@code .ci/run} installs them) at a phone's width. Every chart is drawn (its bars have
     * a size on screen), and every number it shows is the JSON's. The screenshot goes to
     * {@code -Downer.screenshot=PATH} (default {@code target/owner-page.png}); docs/owner-page.png is one.
     */
    @Test
    @Order(2)
    void theChartsRenderInABrowserAndShowTheJsonsNumbers() throws Exception {
        Path chromium = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        Path driverBinary = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
        Assumptions.assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(driverBinary),
                "no browser: install Debian's chromium and chromium-driver (apt-get install -y chromium "
                        + "chromium-driver) to run the owner page's browser test");
        String url = signedOwnerUrl();
        JsonNode json = ownerJson(url);
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--hide-scrollbars", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverBinary.toFile())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.manage().window().setSize(new Dimension(420, 900));
            browser.get(url);
            assertThat(browser.findElements(By.tagName("script"))).isEmpty();
            assertThat(browser.findElement(By.id("customers")).getAttribute("data-count"))
                    .isEqualTo(json.path("customers").asText());
            List<WebElement> stages = browser.findElements(By.cssSelector("#funnel g[data-stage]"));
            assertThat(stages).hasSize(5);
            for (WebElement stage : stages) {
                String key = stage.getAttribute("data-stage");
                assertThat(stage.getAttribute("data-count")).as(key).isEqualTo(json.path("stages").path(key).asText());
                WebElement bar = stage.findElement(By.tagName("rect"));
                assertThat(bar.getRect().getWidth()).as(key + " bar drawn").isPositive();
                assertThat(stage.findElements(By.tagName("text")).get(1).getText()).as(key + " label")
                        .isEqualTo(json.path("stages").path(key).asText());
            }
            // The trend's last week is today: the same stages, stacked.
            List<WebElement> weeks = browser.findElements(By.cssSelector("#trend svg > g"));
            assertThat(weeks).hasSize(12);
            long lastWeek = 0;
            for (WebElement segment : weeks.get(11).findElements(By.cssSelector("rect[data-count]"))) {
                assertThat(segment.getRect().getHeight()).isPositive();
                lastWeek += Long.parseLong(segment.getAttribute("data-count"));
            }
            assertThat(lastWeek).isEqualTo(json.path("customers").asLong());
            assertThat(browser.findElement(By.id("overdue")).getAttribute("data-count"))
                    .isEqualTo(json.path("promise").path("overdue").asText());
            long answered = 0;
            for (WebElement rating : browser.findElements(By.cssSelector("#ratings g[data-rating]"))) {
                answered += Long.parseLong(rating.getAttribute("data-count"));
            }
            assertThat(answered).isEqualTo(json.path("surveys").path("answered").asLong());
            assertThat(browser.findElement(By.cssSelector("[data-result=clicks] td.n")).getText())
                    .isEqualTo(json.path("referrals").path("clicks").asText());
            assertThat(browser.findElement(By.cssSelector("[data-result=redeemed] td.n")).getText())
                    .isEqualTo(json.path("coupons").path("redeemed").asText());
            assertThat(browser.findElement(By.cssSelector("[data-result=loopRevenue] td.n")).getText())
                    .isEqualTo("$" + json.path("loopRevenue").path("amount").asText());
            long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();
            browser.manage().window().setSize(new Dimension(420, (int) Math.min(4000, height + 20)));
            Path shot = Path.of(System.getProperty("owner.screenshot", "target/owner-page.png"));
            Files.createDirectories(shot.toAbsolutePath().getParent());
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(4)
    void thePreviewPageShowsEveryEmailKindInEveryLanguage() throws Exception {
        HttpResponse<String> page = http.get("/_local/preview");
        assertThat(page.statusCode()).isEqualTo(200);
        for (String kind : loyaltyloop.preview.EmailPreviews.KINDS) {
            for (String language : loyaltyloop.preview.EmailPreviews.LANGUAGES) {
                assertThat(page.body()).contains("id=\"" + kind + "-" + language + "\"");
            }
        }
        assertThat(page.body()).doesNotContain("<script");
    }

    @Test
    @Order(3)
    void aTamperedOwnerLinkIsRefusedAndShowsNothing() throws Exception {
        String url = signedOwnerUrl();
        String tampered = url.substring(0, url.length() - 3) + (url.endsWith("AAA") ? "BBB" : "AAA");
        HttpResponse<String> json = http.get(tampered, "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).doesNotContain("customers");
        assertThat(http.get(tampered).statusCode()).isEqualTo(400);
    }

    static JsonNode ownerJson() throws Exception {
        return ownerJson(signedOwnerUrl());
    }

    static JsonNode ownerJson(String url) throws Exception {
        HttpResponse<String> response = http.get(url, "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        return RunnerHttp.JSON.readTree(response.body());
    }

    /** The owner link signed by the runner's own key, as the digest signs it. */
    static String signedOwnerUrl() {
        return runner.applicationContext().getBean(loyaltyloop.links.Links.class)
                .ownerUrl(runner.baseUrl(), "demo.myshopify.com");
    }
}
