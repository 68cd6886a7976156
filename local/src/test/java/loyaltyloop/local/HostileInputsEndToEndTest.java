package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import loyaltyloop.testing.EndToEndTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input corpus ({@code testing/hostile-inputs/}, one case a file, its README says how they are written)
 * sent to a running local runner over HTTP: every answer is the case's documented one, none is a 5xx, and no answer
 * and no email carries a stack trace or a Java class name.
 */
@EndToEndTest
class HostileInputsEndToEndTest {

    private static final Path CORPUS = Path.of("../testing/hostile-inputs");
    private static final String SECRET = "hostile-inputs-secret-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** A stack frame, an exception's name, or a fully qualified class of the JDK, a library or ours. */
    private static final Pattern LEAK = Pattern.compile(
            "\\tat |Exception\\b|\\b(java|javax|jdk|sun|com\\.fasterxml|software\\.amazon|io\\.micronaut|loyaltyloop)\\.[a-z]+\\.");
    private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat:(.+?):(\\d+)}}");

    private static LocalRunner runner;
    private static String testBudget;

    @BeforeAll
    static void start() {
        // This test is about what each input gets, not about time (StalledAwsEndToEndTest is): on a busy test machine,
        // hashing and parsing a 5 MiB body alone can take longer than the intake's 3 s budget.
        testBudget = System.getProperty("loyalty.intake.budget");
        System.setProperty("loyalty.intake.budget", "60s");
        runner = LocalRunner.start(RunnerOptions.defaults().withPort(0).withWebhookSecret(SECRET));
    }

    @AfterAll
    static void stop() {
        if (testBudget == null) {
            System.clearProperty("loyalty.intake.budget");
        } else {
            System.setProperty("loyalty.intake.budget", testBudget);
        }
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void everyCaseGetsItsDocumentedAnswerNoneA5xxAndNothingLeaksAClassName() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(CORPUS)) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("the corpus").hasSizeGreaterThan(40);
        List<String> failures = new ArrayList<>();
        List<JsonNode> emailChecks = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            JsonNode c = JSON.readTree(file.toFile());
            HttpResponse<String> answer = send(c.path("request"));
            JsonNode expect = c.path("expect");
            int status = answer.statusCode();
            if (status >= 500) {
                failures.add(name + ": answered " + status + " " + shorten(answer.body()));
            }
            if (expect.has("status") && status != expect.path("status").asInt()) {
                failures.add(name + ": expected " + expect.path("status").asInt() + ", got " + status + " " + shorten(answer.body()));
            }
            if (expect.has("statusIn") && !contains(expect.path("statusIn"), status)) {
                failures.add(name + ": expected one of " + expect.path("statusIn") + ", got " + status);
            }
            if (expect.has("json")) {
                JsonNode body = readJson(answer.body());
                for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("json").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (body == null || !field.getValue().asText().equals(body.path(field.getKey()).asText())) {
                        failures.add(name + ": expected " + field.getKey() + " \"" + field.getValue().asText() + "\" in "
                                + shorten(answer.body()));
                    }
                }
            }
            if (LEAK.matcher(answer.body()).find() || answer.headers().map().toString().contains("Exception")) {
                failures.add(name + ": the answer names a class or carries a trace: " + shorten(answer.body()));
            }
            if (expect.has("email") || expect.has("noEmailTo")) {
                ((ObjectNode) expect).put("case", name);
                emailChecks.add(expect);
            }
        }
        assertThat(runner.eventBus().awaitIdle(Duration.ofSeconds(120))).isTrue();

        JsonNode outbox = outbox();
        for (JsonNode email : outbox) {
            String all = email.path("subject").asText() + "\n" + email.path("text").asText() + "\n"
                    + email.path("html").asText();
            if (LEAK.matcher(all).find()) {
                failures.add("email " + email.path("id").asText() + " names a class or carries a trace");
            }
        }
        for (JsonNode expect : emailChecks) {
            failures.addAll(emailFailures(expect, outbox));
        }
        assertThat(failures).as("cases that did not get their documented answer").isEmpty();
    }

    private static List<String> emailFailures(JsonNode expect, JsonNode outbox) {
        List<String> failures = new ArrayList<>();
        String name = expect.path("case").asText();
        if (expect.has("noEmailTo")) {
            String to = expect.path("noEmailTo").asText();
            if (emailsTo(outbox, to, null).size() > 0) {
                failures.add(name + ": an email went to " + to);
            }
        }
        JsonNode wanted = expect.path("email");
        if (wanted.isMissingNode()) {
            return failures;
        }
        List<JsonNode> emails = emailsTo(outbox, wanted.path("to").asText(), wanted.path("kind").asText(null));
        if (emails.size() != 1) {
            failures.add(name + ": expected one " + wanted.path("kind").asText() + " email to " + wanted.path("to").asText()
                    + ", found " + emails.size());
            return failures;
        }
        JsonNode email = emails.get(0);
        String text = email.path("text").asText();
        String html = email.path("html").asText();
        String subject = email.path("subject").asText();
        wanted.path("contains").forEach(s -> {
            if (!text.contains(s.asText())) {
                failures.add(name + ": the email's text lacks \"" + s.asText() + "\"");
            }
        });
        wanted.path("excludes").forEach(s -> {
            if (text.contains(s.asText()) || html.contains(s.asText())) {
                failures.add(name + ": the email contains \"" + s.asText() + "\"");
            }
        });
        wanted.path("htmlExcludes").forEach(s -> {
            if (html.contains(s.asText())) {
                failures.add(name + ": the email's HTML contains \"" + s.asText() + "\"");
            }
        });
        wanted.path("subjectExcludes").forEach(s -> {
            if (subject.contains(s.asText())) {
                failures.add(name + ": the subject contains a forbidden character");
            }
        });
        return failures;
    }

    private static List<JsonNode> emailsTo(JsonNode outbox, String to, String kind) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode email : outbox) {
            if (email.path("to").toString().toLowerCase(java.util.Locale.ROOT).contains(to.toLowerCase(java.util.Locale.ROOT))
                    && (kind == null || kind.equals(email.path("kind").asText()))) {
                found.add(email);
            }
        }
        return found;
    }

    private static HttpResponse<String> send(JsonNode request) throws Exception {
        String method = request.path("method").asText("GET");
        String path = expand(request.path("path").asText());
        byte[] body = body(request);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(runner.baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (request.has("contentType")) {
            builder.header("Content-Type", request.path("contentType").asText());
        }
        boolean shopify = path.startsWith("/webhooks/shopify");
        boolean webhook = path.startsWith("/webhooks/");
        for (Iterator<Map.Entry<String, JsonNode>> it = request.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            builder.header(header.getKey(), expand(header.getValue().asText()));
        }
        if (webhook && request.has("sign")) {
            builder.header(shopify ? "X-Shopify-Webhook-Id" : "X-WC-Webhook-Delivery-ID", UUID.randomUUID().toString());
            String secret = "wrong".equals(request.path("sign").asText()) ? "not-" + SECRET : SECRET;
            builder.header(shopify ? "X-Shopify-Hmac-Sha256" : "X-WC-Webhook-Signature",
                    RunnerHttp.sign(body == null ? new byte[0] : body, secret));
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] body(JsonNode request) throws Exception {
        if (request.has("bodyBase64")) {
            return Base64.getDecoder().decode(request.path("bodyBase64").asText());
        }
        String text = request.has("json") ? JSON.writeValueAsString(request.path("json"))
                : request.has("body") ? request.path("body").asText() : null;
        return text == null ? null : expand(text).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The corpus's placeholders: {@code {{now}}} (ISO-8601 with offset), {@code {{nowLocal}}} (WooCommerce's GMT
     * form), {@code {{repeat:TEXT:N}}}, and {@code "{{lineItems:N}}"} (N Shopify line items, quotes included).
     */
    static String expand(String text) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String out = text.replace("{{now}}", now.atOffset(ZoneOffset.UTC).toString())
                .replace("{{nowLocal}}", LocalDateTime.ofInstant(now, ZoneOffset.UTC).toString());
        Matcher items = Pattern.compile("\"\\{\\{lineItems:(\\d+)}}\"").matcher(out);
        StringBuilder withItems = new StringBuilder();
        while (items.find()) {
            StringBuilder array = new StringBuilder("[");
            String padding = "s".repeat(400);
            for (int i = 1; i <= Integer.parseInt(items.group(1)); i++) {
                array.append(i == 1 ? "" : ",").append("{\"id\":").append(i).append(",\"title\":\"Sticker ").append(i)
                        .append("\",\"quantity\":1,\"price\":\"0.50\",\"sku\":\"").append(padding).append("\"}");
            }
            items.appendReplacement(withItems, Matcher.quoteReplacement(array.append(']').toString()));
        }
        items.appendTail(withItems);
        Matcher repeat = REPEAT.matcher(withItems);
        StringBuilder expanded = new StringBuilder();
        while (repeat.find()) {
            repeat.appendReplacement(expanded, Matcher.quoteReplacement(repeat.group(1).repeat(Integer.parseInt(repeat.group(2)))));
        }
        repeat.appendTail(expanded);
        return expanded.toString();
    }

    private static JsonNode outbox() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/_local/outbox"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static JsonNode readJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception notJson) {
            return null;
        }
    }

    private static boolean contains(JsonNode array, int status) {
        for (JsonNode n : array) {
            if (n.asInt() == status) {
                return true;
            }
        }
        return false;
    }

    private static String shorten(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
