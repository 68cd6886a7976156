package loyaltyloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import loyaltyloop.platforms.ShopApiClient;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

/**
 * The repository's shopify.app.toml, which a merchant deploys with Shopify's CLI, agrees with the code: it subscribes
 * to exactly the topics intake handles, in the Admin API version the code calls, and asks for the scopes the loop
 * uses.
 */
@UnitTest
class ShopifyAppConfigTest {

    private static JsonNode config() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("shopify.app.toml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("shopify.app.toml above " + Path.of("").toAbsolutePath()).isNotNull();
        return new TomlMapper().readTree(dir.resolve("shopify.app.toml").toFile());
    }

    private static Set<String> union(JsonNode subscriptions, String field) {
        Set<String> topics = new HashSet<>();
        for (JsonNode subscription : subscriptions) {
            subscription.path(field).forEach(topic -> assertThat(topics.add(topic.asText()))
                    .as("%s listed twice", topic.asText()).isTrue());
        }
        return topics;
    }

    @Test
    void webhooksAreSerialisedInTheApiVersionTheCodeCalls() throws IOException {
        assertThat(config().path("webhooks").path("api_version").asText())
                .isEqualTo(ShopApiClient.SHOPIFY_API_VERSION);
    }

    @Test
    void theAppSubscribesToExactlyTheTopicsIntakeHandles() throws IOException {
        JsonNode subscriptions = config().path("webhooks").path("subscriptions");

        assertThat(union(subscriptions, "topics")).isEqualTo(ShopifyTopics.SUBSCRIBED);
        assertThat(union(subscriptions, "compliance_topics")).isEqualTo(ShopifyTopics.COMPLIANCE);
    }

    @Test
    void everySubscriptionDeliversToTheStacksShopifyWebhookRoute() throws IOException {
        JsonNode subscriptions = config().path("webhooks").path("subscriptions");

        assertThat(subscriptions.size()).isPositive();
        for (JsonNode subscription : subscriptions) {
            assertThat(subscription.path("uri").asText()).startsWith("https://").endsWith("/webhooks/shopify");
        }
    }

    @Test
    void theAppAsksForTheScopesTheLoopUsesAndNoOthers() throws IOException {
        String scopes = config().path("access_scopes").path("scopes").asText();

        assertThat(new HashSet<>(Arrays.asList(scopes.split(","))))
                .containsExactlyInAnyOrder("read_orders", "read_all_orders", "write_discounts", "read_customers");
    }
}
