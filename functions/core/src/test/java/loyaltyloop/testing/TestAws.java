package loyaltyloop.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import loyaltyloop.testing.moto.AwsEmulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The tests' AWS: one local emulator per test JVM, started on first use; the moto server, or LocalStack under
 * {@code mvn -Plocalstack} (see {@link AwsEmulator}). Tests isolate themselves by using their own table, bus and
 * addresses rather than resetting shared state.
 */
public final class TestAws {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static AwsEmulator aws;

    /**
     * AWS call timeouts for an emulator on a busy test machine: moto loads a service on its first call and can take
     * seconds then, far past the production timeouts (aws.AwsTimeouts). Tests of the timeouts themselves set their own.
     */
    public static final loyaltyloop.aws.AwsTimeouts EMULATOR_TIMEOUTS =
            new loyaltyloop.aws.AwsTimeouts(java.time.Duration.ofSeconds(20), java.time.Duration.ofSeconds(60), 3);

    private TestAws() {
    }

    public static synchronized String endpoint() {
        AwsEmulator.refuseWhenForbidden();
        if (aws == null) {
            System.setProperty("aws.accessKeyId", "testing");
            System.setProperty("aws.secretAccessKey", "testing");
            System.setProperty("aws.region", "us-east-1");
            aws = AwsEmulator.start();
        }
        return aws.endpoint();
    }

    public static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.endpointOverride(URI.create(endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        return builder;
    }

    public static DynamoDbClient dynamo() {
        return configure(DynamoDbClient.builder()).build();
    }

    public static SesV2Client ses() {
        return configure(SesV2Client.builder()).build();
    }

    public static EventBridgeClient eventBridge() {
        return configure(EventBridgeClient.builder()).build();
    }

    public static SsmClient ssm() {
        return configure(SsmClient.builder()).build();
    }

    public static SqsClient sqs() {
        return configure(SqsClient.builder()).build();
    }

    /** A new table shaped like {@code LoyaltyTable} in template.yaml (checked by the local runner's tests). */
    public static String createTable() {
        String name = unique("loyalty");
        try (DynamoDbClient dynamo = dynamo()) {
            dynamo.createTable(b -> b.tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            attr("PK"), attr("SK"), attr("duePk"), attr("dueAt"))
                    .keySchema(key("PK", KeyType.HASH), key("SK", KeyType.RANGE))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("DueIndex")
                            .keySchema(key("duePk", KeyType.HASH), key("dueAt", KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
        }
        return name;
    }

    /** A new SSM SecureString holding a random 64-character link-signing key, as `shops add` makes; returns its name. */
    public static String createLinkKey() {
        String name = "/loyalty-loop/" + unique("test") + "/link-key";
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        putSecureString(name, java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        return name;
    }

    public static void putSecureString(String name, String value) {
        try (SsmClient ssm = ssm()) {
            ssm.putParameter(b -> b.name(name).value(value).type(ParameterType.SECURE_STRING).overwrite(true));
        }
    }

    public static void verifySender(String address) {
        try (SesV2Client ses = ses()) {
            ses.createEmailIdentity(b -> b.emailIdentity(address));
        } catch (software.amazon.awssdk.services.sesv2.model.AlreadyExistsException already) {
            // verified by an earlier test
        }
    }

    /**
     * What SES accepted so far for one recipient, oldest first, as moto keeps it: {@code subject}, {@code body}
     * (the text part), {@code source} and {@code destinations.ToAddresses}.
     */
    public static synchronized List<JsonNode> sentEmailsTo(String recipient) {
        String endpoint = endpoint();
        JsonNode messages = aws.name().equals(AwsEmulator.MOTO)
                ? read(endpoint + "/moto-api/data.json").path("ses").path("Message")
                : localStackSentEmails(endpoint);
        List<JsonNode> sent = new ArrayList<>();
        for (JsonNode message : messages) {
            for (JsonNode to : message.path("destinations").path("ToAddresses")) {
                if (recipient.equalsIgnoreCase(to.asText())) {
                    sent.add(message);
                }
            }
        }
        return sent;
    }

    /** LocalStack's record of sent emails ({@code GET /_aws/ses}) in moto's shape. */
    private static JsonNode localStackSentEmails(String endpoint) {
        com.fasterxml.jackson.databind.node.ArrayNode messages = JSON.createArrayNode();
        for (JsonNode m : read(endpoint + "/_aws/ses").path("messages")) {
            com.fasterxml.jackson.databind.node.ObjectNode message = messages.addObject();
            message.put("source", m.path("Source").asText());
            message.put("subject", m.path("Subject").asText());
            message.put("body", m.path("Body").path("text_part").asText());
            message.putObject("destinations").set("ToAddresses", m.path("Destination").path("ToAddresses"));
        }
        return messages;
    }

    private static JsonNode read(String url) {
        try (InputStream in = URI.create(url).toURL().openStream()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the local AWS's state at " + url, e);
        }
    }

    /** A custom bus whose every event is copied by a rule into a queue, so tests can count what was published. */
    public static EventTap tapBus() {
        String bus = unique("bus");
        String queue = unique("bus-tap");
        try (EventBridgeClient events = eventBridge(); SqsClient sqs = sqs()) {
            events.createEventBus(b -> b.name(bus));
            String queueUrl = sqs.createQueue(b -> b.queueName(queue)).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                    .attributeNamesWithStrings("QueueArn")).attributesAsStrings().get("QueueArn");
            events.putRule(b -> b.name(queue).eventBusName(bus).eventPattern("{\"source\":[{\"prefix\":\"\"}]}"));
            events.putTargets(b -> b.rule(queue).eventBusName(bus).targets(t -> t.id("tap").arn(queueArn)));
            return new EventTap(bus, queueUrl);
        }
    }

    /** The events a {@link #tapBus()} caught. */
    public record EventTap(String bus, String queueUrl) {

        /** Receives everything currently in the queue (and deletes it). */
        public List<JsonNode> drain() {
            List<JsonNode> events = new ArrayList<>();
            try (SqsClient sqs = sqs()) {
                while (true) {
                    List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                            .waitTimeSeconds(0)).messages();
                    if (batch.isEmpty()) {
                        return events;
                    }
                    for (Message m : batch) {
                        events.add(JSON.readTree(m.body()));
                        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A Micronaut context wired to the local AWS the way Lambda's would be wired to AWS. */
    public static ApplicationContext context(String table, String bus, String linkKey, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("loyalty.table", table);
        properties.put("loyalty.event-bus", bus);
        properties.put("loyalty.link-key-secret", linkKey);
        properties.put("loyalty.aws.endpoint-url", endpoint());
        properties.put("loyalty.aws.attempt-timeout", EMULATOR_TIMEOUTS.attemptTimeout().toMillis() + "ms");
        properties.put("loyalty.aws.call-timeout", EMULATOR_TIMEOUTS.callTimeout().toMillis() + "ms");
        // A busy test machine must not turn a slow emulator into 503s; the budgets have tests of their own.
        properties.put("loyalty.http.budget", "60s");
        properties.put("loyalty.intake.budget", "60s");
        properties.putAll(extra);
        return ApplicationContext.builder().properties(properties).start();
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
