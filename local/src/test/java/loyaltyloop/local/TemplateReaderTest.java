package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import loyaltyloop.local.LocalTemplate.FunctionSpec;
import loyaltyloop.local.LocalTemplate.TableSpec;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UnitTest
class TemplateReaderTest {

    static Path smallTemplate() throws Exception {
        return Path.of(TemplateReaderTest.class.getResource("/small-template.yaml").toURI());
    }

    @Test
    void readsTheProjectTemplate() {
        Path path = TemplateReader.locate(null, Path.of(""));
        LocalTemplate template = TemplateReader.read(path);

        assertThat(template.tables()).extracting(TableSpec::logicalId).containsExactly(LocalRunner.TABLE);
        TableSpec table = template.tables().get(0);
        assertThat(table.keySchema()).extracting(LocalTemplate.Key::name).containsExactly("PK", "SK");
        assertThat(table.globalSecondaryIndexes()).extracting(LocalTemplate.Index::name).contains("DueIndex");
        assertThat(table.ttlAttribute()).isEqualTo("expiresAt");

        assertThat(template.functions()).extracting(FunctionSpec::logicalId)
                .contains("OrderIntakeFunction", "AffirmationFunction", "UnsubscribeFunction");
        assertThat(template.function("OrderIntakeFunction").orElseThrow().handlerClass())
                .isEqualTo("loyaltyloop.intake.OrderIntakeHandler");
        assertThat(template.routes()).extracting(LocalTemplate.Route::routeKey)
                .contains("POST /webhooks/shopify", "POST /webhooks/woocommerce", "GET /u/{token}", "POST /u/{token}");
        assertThat(template.rules()).anySatisfy(rule -> {
            assertThat(rule.functionId()).isEqualTo("AffirmationFunction");
            assertThat(rule.patternJson()).contains("loyalty-loop.orders").contains("OrderPlaced");
        });
    }

    @Test
    void understandsShortFormTagsAndEveryEventKind() throws Exception {
        LocalTemplate template = TemplateReader.read(smallTemplate());

        TableSpec table = template.tables().get(0);
        assertThat(table.logicalId()).isEqualTo("Table");
        assertThat(table.attributes()).hasSize(4);
        assertThat(table.globalSecondaryIndexes().get(0).projectionType()).isEqualTo("INCLUDE");
        assertThat(table.globalSecondaryIndexes().get(0).nonKeyAttributes()).containsExactly("name");
        assertThat(table.ttlAttribute()).isEqualTo("ttl");

        FunctionSpec api = template.function("Api").orElseThrow();
        assertThat(api.handlerClass()).isEqualTo("example.ApiHandler");
        assertThat(api.handlerMethod()).isEqualTo("handleRequest");
        assertThat(api.timeoutSeconds()).isEqualTo(5);
        assertThat(api.memoryMb()).isEqualTo(512);
        assertThat(api.routes()).extracting(LocalTemplate.Route::routeKey)
                .containsExactlyInAnyOrder("GET /items/{id}", "ANY /anything/{proxy+}");

        FunctionSpec consumer = template.function("Consumer").orElseThrow();
        assertThat(consumer.handlerMethod()).isEqualTo("handleRequest");
        assertThat(consumer.timeoutSeconds()).isEqualTo(20);
        assertThat(consumer.rules().get(0).patternJson()).isEqualTo(
                "{\"source\":[\"shop.orders\"],\"detail-type\":[\"Placed\"],\"detail\":{\"total\":[{\"numeric\":[\">\",10]}]}}");

        assertThat(template.schedules()).extracting(LocalTemplate.Schedule::expression)
                .containsExactly("rate(1 day)", "cron(0 3 * * ? *)");
    }

    @Test
    void shortFormTagsBecomeTheLongForm() {
        Object loaded = CfnYaml.yaml().load("a: !Ref X\nb: !GetAtt T.Arn\nc: !Sub '${X}-y'\nd: !If [C, 1, 2]\ne: !GetAZs ''\n");
        assertThat(loaded).isEqualTo(Map.of(
                "a", Map.of("Ref", "X"),
                "b", Map.of("Fn::GetAtt", java.util.List.of("T", "Arn")),
                "c", Map.of("Fn::Sub", "${X}-y"),
                "d", Map.of("Fn::If", java.util.List.of("C", 1, 2)),
                "e", Map.of("Fn::GetAZs", "")));
    }

    @Test
    void searchesUpwardForTheTemplate(@TempDir Path dir) throws Exception {
        Files.copy(smallTemplate(), dir.resolve("template.yaml"));
        Path nested = Files.createDirectories(dir.resolve("a/b"));
        assertThat(TemplateReader.locate(null, nested)).isEqualTo(dir.resolve("template.yaml"));
        assertThatThrownBy(() -> TemplateReader.locate(dir.resolve("missing.yaml").toString(), nested))
                .hasMessageContaining("template not found");
    }
}
