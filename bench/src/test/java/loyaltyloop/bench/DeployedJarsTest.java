package loyaltyloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jarBytesMax is measured over the jars template.yaml deploys, not whatever else a target folder holds. */
@UnitTest
class DeployedJarsTest {

    @Test
    void theJarsAreTheTemplatesCodeUrisOnceEach(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("template.yaml"), String.join("\n",
                "Resources:",
                "  A:",
                "    Type: AWS::Serverless::Function",
                "    Properties:",
                "      CodeUri: functions/a/target/a-lambda.jar",
                "  B:",
                "    Type: AWS::Serverless::Function",
                "    Properties:",
                "      CodeUri: functions/a/target/a-lambda.jar",
                "  C:",
                "    Type: AWS::Serverless::Function",
                "    Properties:",
                "      CodeUri: functions/c/target/c-lambda.jar",
                ""));
        assertThat(Report.deployedJars(repo)).containsExactly(
                repo.resolve("functions/a/target/a-lambda.jar"), repo.resolve("functions/c/target/c-lambda.jar"));
    }

    @Test
    void theRepositorysTemplateDeploysEveryFunctionModulesJar() throws Exception {
        Path repo = Path.of("").toAbsolutePath().getParent();
        assertThat(Report.deployedJars(repo)).extracting(p -> repo.relativize(p).toString())
                .contains("functions/follow-up/target/follow-up-lambda.jar", "functions/privacy/target/privacy-lambda.jar")
                .allMatch(p -> p.matches("functions/[a-z-]+/target/[a-z-]+-lambda\\.jar"));
    }
}
