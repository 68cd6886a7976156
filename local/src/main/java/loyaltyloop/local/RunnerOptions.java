package loyaltyloop.local;

import java.net.URI;
import java.util.List;
import java.util.Set;
import loyaltyloop.admin.Flags;

/**
 * The runner's flags.
 *
 * @param port 0 picks a free port
 * @param awsEndpoint an emulator that is already running; null starts the moto server
 * @param shop the demo Shopify shop's domain
 * @param webhookSecret the demo shops' webhook secret; null makes a random one
 * @param template path of template.yaml; null looks in the working folder and above
 */
public record RunnerOptions(int port, String awsEndpoint, String shop, String webhookSecret, String template) {

    static final String USAGE = """
            usage: java -jar local/target/loyalty-local.jar [--port 3000] [--aws-endpoint URL] [--shop demo.myshopify.com]
                                                            [--webhook-secret S] [--template path/to/template.yaml]
                   java -jar local/target/loyalty-local.jar shops add --help""";

    public static RunnerOptions defaults() {
        return new RunnerOptions(3000, null, "demo.myshopify.com", null, null);
    }

    public RunnerOptions withPort(int port) {
        return new RunnerOptions(port, awsEndpoint, shop, webhookSecret, template);
    }

    public RunnerOptions withWebhookSecret(String secret) {
        return new RunnerOptions(port, awsEndpoint, shop, secret, template);
    }

    public RunnerOptions withTemplate(String path) {
        return new RunnerOptions(port, awsEndpoint, shop, webhookSecret, path);
    }

    static RunnerOptions parse(List<String> args) {
        Flags flags = Flags.parse(args, Set.of("port", "aws-endpoint", "shop", "webhook-secret", "template"));
        String endpoint = flags.get("aws-endpoint");
        if (endpoint != null) {
            URI uri;
            try {
                uri = URI.create(endpoint);
            } catch (IllegalArgumentException e) {
                throw new Flags.UsageException("--aws-endpoint is not a URL: " + endpoint);
            }
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new Flags.UsageException("--aws-endpoint must be a URL like http://localhost:4566");
            }
        }
        String secret = flags.get("webhook-secret");
        if (secret != null && secret.isBlank()) {
            throw new Flags.UsageException("--webhook-secret must not be empty");
        }
        return new RunnerOptions(flags.port("port", 3000), endpoint, flags.get("shop", "demo.myshopify.com"), secret,
                flags.get("template"));
    }
}
