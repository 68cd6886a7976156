package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import loyaltyloop.email.EmailKind;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.email.EmailSender;
import loyaltyloop.events.EventPublisher;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** In the {@code local} environment the runner's clock, outbox and bus replace the production beans. */
@UnitTest
class LocalBeansTest {

    private static ApplicationContext context(String... environments) {
        return ApplicationContext.builder().environments(environments).deduceEnvironment(false)
                .properties(Map.of("loyalty.table", "T", "loyalty.event-bus", "b", "loyalty.aws.endpoint-url", "http://127.0.0.1:1"))
                .start();
    }

    @Test
    void localBeansReplaceTheProductionOnes() {
        try (ApplicationContext context = context("local")) {
            assertThat(context.getBean(Clock.class)).isInstanceOf(LocalClock.class);
            assertThat(context.getBean(Clock.class)).isSameAs(context.getBean(LocalClock.class));
            assertThat(context.getBeansOfType(Clock.class)).hasSize(1);
            assertThat(context.getBean(EmailSender.class)).isInstanceOf(LocalOutbox.class);
            assertThat(context.getBeansOfType(EmailSender.class)).hasSize(1);
            assertThat(context.getBean(EventPublisher.class)).isInstanceOf(LocalEventBus.class);
            assertThat(context.getBeansOfType(EventPublisher.class)).hasSize(1);
        }
        try (ApplicationContext context = context("cli")) {
            assertThat(context.getBean(Clock.class)).isNotInstanceOf(LocalClock.class);
            assertThat(context.getBeanDefinition(EmailSender.class).getBeanType()).isEqualTo(loyaltyloop.aws.SesEmailSender.class);
            assertThat(context.getBeanDefinition(EventPublisher.class).getBeanType())
                    .isEqualTo(loyaltyloop.aws.EventBridgeEventPublisher.class);
        }
    }

    @Test
    void theClockMovesForwardOnly() {
        LocalClock clock = new LocalClock();
        Instant before = clock.instant();
        clock.advance(Duration.ofDays(45));
        assertThat(Duration.between(before, clock.instant())).isBetween(Duration.ofDays(45), Duration.ofDays(45).plusSeconds(5));
        assertThat(clock.withZone(java.time.ZoneId.of("Asia/Taipei")).instant()).isAfterOrEqualTo(before.plus(Duration.ofDays(45)));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(DevEndpoints.duration("P45D", Instant.EPOCH)).isEqualTo(Duration.ofDays(45));
        assertThat(DevEndpoints.duration("PT36H", Instant.EPOCH)).isEqualTo(Duration.ofHours(36));
        assertThat(DevEndpoints.duration("P1M", Instant.parse("2024-02-01T00:00:00Z"))).isEqualTo(Duration.ofDays(29));
    }

    @Test
    void theOutboxKeepsEveryEmailWithItsKindAndTheClocksTime() {
        LocalClock clock = new LocalClock();
        clock.advance(Duration.ofDays(10));
        LocalOutbox outbox = new LocalOutbox(clock, new LocalMetrics(),
                new loyaltyloop.deliverability.Suppressions(new loyaltyloop.testing.InMemorySuppressionList()));
        outbox.send(new EmailMessage(EmailKind.AFFIRMATION, "shop@demo.example", "Demo Shop", "jane@example.com", null,
                "Thanks", "text", "<p>html</p>", Map.of("List-Unsubscribe", "<http://localhost/u/x>"),
                "demo.myshopify.com"));
        LocalOutbox.OutboxEmail email = outbox.emails().get(0);
        assertThat(email.tags()).containsExactly(Map.entry("kind", "affirmation"),
                Map.entry("shop", "demo.myshopify.com"));
        assertThat(email.id()).isEqualTo(1);
        assertThat(email.kind()).isEqualTo("affirmation");
        assertThat(email.from()).isEqualTo("Demo Shop <shop@demo.example>");
        assertThat(Instant.parse(email.sentAt())).isAfter(Instant.now().plus(Duration.ofDays(9)));
        assertThat(outbox.email(1)).contains(email);
        assertThat(outbox.email(2)).isEmpty();
    }

    @Test
    void outboxPagesEscapeAndLinkify() {
        LocalOutbox.OutboxEmail email = new LocalOutbox.OutboxEmail(1, "affirmation", "a@b.c", "Shop <s@b.c>", null,
                "<script>x</script>", "Go http://localhost:3000/u/abc?x=1&y=2 now",
                "<html><head></head><body><a href=\"http://localhost:3000/r/X\">ref</a>\"'</body></html>", Map.of(), "now",
                Map.of("kind", "affirmation"), java.util.List.of());
        String page = OutboxPages.email(email, 1);
        assertThat(page).doesNotContain("<script>x</script>").contains("&lt;script&gt;x&lt;/script&gt;");
        assertThat(page).contains("<a href=\"http://localhost:3000/u/abc?x=1&amp;y=2\" target=\"_blank\"");
        assertThat(page).contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\"");
        assertThat(page).contains("srcdoc=\"&lt;html&gt;&lt;head&gt;&lt;base target=&quot;_blank&quot;&gt;");
        assertThat(OutboxPages.list(java.util.List.of(email), "now")).contains("/_local/outbox/1.html")
                .contains("&lt;script&gt;");
    }
}
