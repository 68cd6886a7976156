package loyaltyloop.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.moto.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The reader signs its SSM call itself, so its signature is checked here by a moto server that verifies every
 * request against its own IAM (after the three unsigned calls that make the caller's user, key and policy).
 */
@MotoTest(motoOnly = "it checks request signatures with the moto server's own IAM (INITIAL_NO_AUTH_ACTION_COUNT)")
class SsmSecretReaderSignatureTest {

    private static final String NAME = "/loyalty-loop/signed/link-key";

    private static MotoServer moto;
    private static String keyId;
    private static String secretKey;
    private static final Map<String, String> saved = new java.util.HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start(Map.of("INITIAL_NO_AUTH_ACTION_COUNT", "3"));
        iam("Action=CreateUser&UserName=reader");
        String key = iam("Action=CreateAccessKey&UserName=reader");
        keyId = find(key, "<AccessKeyId>([^<]+)</AccessKeyId>");
        secretKey = find(key, "<SecretAccessKey>([^<]+)</SecretAccessKey>");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "[\"ssm:GetParameter\",\"ssm:PutParameter\"],\"Resource\":\"*\"}]}";
        iam("Action=PutUserPolicy&UserName=reader&PolicyName=read&PolicyDocument="
                + URLEncoder.encode(policy, StandardCharsets.UTF_8));
        try (SsmClient ssm = SsmClient.builder().endpointOverride(URI.create(moto.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secretKey)))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            ssm.putParameter(b -> b.name(NAME).value("k3y-signed").type(ParameterType.SECURE_STRING));
        }
        for (String p : new String[] {"aws.accessKeyId", "aws.secretAccessKey", "aws.region"}) {
            saved.put(p, System.getProperty(p));
        }
    }

    @AfterEach
    void restoreCredentials() {
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    @AfterAll
    static void stop() {
        moto.close();
    }

    /** The credentials and region chains the reader uses read these first, as they read Lambda's variables. */
    private static SsmSecretReader readerSigningAs(String id, String secret) {
        System.setProperty("aws.accessKeyId", id);
        System.setProperty("aws.secretAccessKey", secret);
        System.setProperty("aws.region", "us-east-1");
        return new SsmSecretReader(moto.endpoint(), new AwsTimeouts(java.time.Duration.ofSeconds(1), java.time.Duration.ofMillis(2500), 3));
    }

    @Test
    void aCallSignedWithTheCallersKeysIsAccepted() {
        assertThat(readerSigningAs(keyId, secretKey).read(NAME)).contains("k3y-signed");
    }

    @Test
    void aMissingParameterIsStillEmptyWhenSignaturesAreChecked() {
        assertThat(readerSigningAs(keyId, secretKey).read(NAME + "-missing")).isEmpty();
    }

    @Test
    void aCallSignedWithAWrongSecretIsRefusedAndSaysSo() {
        assertThatThrownBy(() -> readerSigningAs(keyId, "not-the-secret").read(NAME))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("403")
                .hasMessageNotContaining("not-the-secret");
    }

    private static String iam(String form) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(moto.endpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=setup/20261129/us-east-1/iam/aws4_request")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&Version=2010-05-08")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(form + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static String find(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertThat(m.find()).as(pattern + " in " + text).isTrue();
        return m.group(1);
    }
}
