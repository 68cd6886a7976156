package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The IAM of template.yaml: each function reads only the secrets it needs, and nothing is granted on "*". */
@UnitTest
class TemplatePermissionsTest {

    record Grant(String role, String action, String resource) {
    }

    private static final List<Grant> GRANTS = new ArrayList<>();
    private static final List<String> FUNCTION_ROLES = new ArrayList<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readTheRoles() throws Exception {
        Map<String, Object> template;
        try (Reader in = Files.newBufferedReader(TemplateReader.locate(null, java.nio.file.Path.of("")))) {
            template = CfnYaml.yaml().load(in);
        }
        Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>) template.get("Resources");
        resources.forEach((id, resource) -> {
            if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
                FUNCTION_ROLES.add(text(((Map<String, Object>) resource.get("Properties")).get("Role")));
            }
            if (!"AWS::IAM::Role".equals(resource.get("Type"))) {
                return;
            }
            Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
            for (Map<String, Object> policy : (List<Map<String, Object>>) properties.getOrDefault("Policies", List.of())) {
                Map<String, Object> document = (Map<String, Object>) policy.get("PolicyDocument");
                for (Map<String, Object> statement : (List<Map<String, Object>>) document.get("Statement")) {
                    for (Object action : list(statement.get("Action"))) {
                        for (Object resourceRef : list(statement.get("Resource"))) {
                            GRANTS.add(new Grant(id, String.valueOf(action), text(resourceRef)));
                        }
                    }
                }
            }
        });
        assertThat(GRANTS).isNotEmpty();
        assertThat(FUNCTION_ROLES).hasSize(18);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of(value);
    }

    /** A literal, or the text of an {@code !Sub}, or the name behind {@code !Ref} / {@code !GetAtt}. */
    private static String text(Object value) {
        if (value instanceof Map<?, ?> intrinsic) {
            Object inner = intrinsic.values().iterator().next();
            return inner instanceof List<?> parts ? String.valueOf(parts.get(0)) : String.valueOf(inner);
        }
        return String.valueOf(value);
    }

    @Test
    void nothingIsGrantedOnEverything() {
        assertThat(GRANTS).noneMatch(g -> g.resource().equals("*") || g.action().equals("*") || g.action().endsWith(":*"));
    }

    @Test
    void secretsAreReadOnlyAsTheParametersTheyAre() {
        List<Grant> reads = GRANTS.stream().filter(g -> g.action().equals("ssm:GetParameter")).toList();
        assertThat(reads).isNotEmpty().allSatisfy(g -> assertThat(g.resource())
                .startsWith("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/loyalty-loop/${AWS::StackName}/")
                .matches(".*/(link-key|shops/\\*/webhook-secret|shops/\\*/coupon-api|shops/\\*/client-secret)"));
        assertThat(GRANTS).noneMatch(g -> g.action().startsWith("secretsmanager:") || g.action().startsWith("kms:"));
    }

    @Test
    void orderIntakeReadsWebhookSecretsButNotTheShopsCouponCredentials() {
        List<String> intake = GRANTS.stream().filter(g -> g.role().equals("OrderIntakeRole") && g.action().startsWith("ssm:"))
                .map(Grant::resource).toList();
        assertThat(intake).anyMatch(r -> r.endsWith("/shops/*/webhook-secret")).noneMatch(r -> r.contains("coupon-api"));
        // A Dev Dashboard app's webhooks are signed with its client secret.
        assertThat(intake).anyMatch(r -> r.endsWith("/shops/*/client-secret"));
    }

    @Test
    void everyFunctionThatCreatesCouponsMayBuyAShopifyAppsToken() {
        for (String role : List.of("SurveyPageRole", "SurveyFollowThroughRole", "PointsRole")) {
            assertThat(GRANTS).as(role).contains(new Grant(role, "ssm:GetParameter",
                    "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/loyalty-loop/${AWS::StackName}/shops/*/client-secret"));
        }
    }

    /**
     * Each role reads exactly the parameters its function's code reads: the link key only where links are signed
     * or checked (loyaltyloop.links.Links), the shops' webhook secrets only at intake, their coupon API credentials
     * only where coupons are made at the shop's checkout, an app's client secret (webhook signatures, API tokens)
     * at intake and where coupons are made.
     */
    @Test
    void eachRoleReadsOnlyTheParametersItsCodeUses() {
        Map<String, Set<String>> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("OrderIntakeRole", Set.of("shops/*/webhook-secret", "shops/*/client-secret")),
                Map.entry("AffirmationRole", Set.of("link-key")),
                Map.entry("UnsubscribeRole", Set.of("link-key")),
                Map.entry("FollowUpSchedulingRole", Set.of()),
                // The hourly fan-out only publishes work; its workers sign the links in the follow-ups.
                Map.entry("FollowUpSweepRole", Set.of()),
                Map.entry("FollowUpSweepWorkerRole", Set.of("link-key")),
                Map.entry("OwnerDigestRole", Set.of("link-key")),
                Map.entry("OwnerPageRole", Set.of("link-key")),
                Map.entry("SurveyPageRole", Set.of("link-key", "shops/*/coupon-api", "shops/*/client-secret")),
                Map.entry("SurveyFollowThroughRole", Set.of("shops/*/coupon-api", "shops/*/client-secret")),
                Map.entry("CouponRedemptionRole", Set.of()),
                // Bounces and complaints need no secret: SES events carry no link and no shop credential.
                Map.entry("SesEventsRole", Set.of()),
                Map.entry("ReferralRedirectRole", Set.of()),
                Map.entry("PointsRole", Set.of("link-key", "shops/*/coupon-api", "shops/*/client-secret")),
                Map.entry("ReferralEventsRole", Set.of("link-key")),
                Map.entry("ReconciliationRole", Set.of("shops/*/coupon-api", "shops/*/client-secret")),
                // privacy (issue 15): the export, erasure and retention read no secret
                Map.entry("PrivacyEventsRole", Set.of()),
                Map.entry("RetentionRole", Set.of())));
        Map<String, Set<String>> granted = new TreeMap<>();
        FUNCTION_ROLES.forEach(role -> granted.put(role, new TreeSet<>()));
        GRANTS.stream().filter(g -> g.action().startsWith("ssm:") || g.action().startsWith("secretsmanager:"))
                .forEach(g -> granted.computeIfAbsent(g.role(), r -> new TreeSet<>())
                        .add(g.resource().substring(g.resource().indexOf("/${AWS::StackName}/") + "/${AWS::StackName}/".length())));
        assertThat(granted).isEqualTo(expected);
    }

    @Test
    void reconciliationReadsTheShopsApiCredentialsButNotTheirWebhookSecrets() {
        assertThat(GRANTS).filteredOn(g -> g.role().equals("ReconciliationRole")
                        && g.action().equals("ssm:GetParameter"))
                .isNotEmpty()
                .allSatisfy(g -> assertThat(g.resource()).doesNotContain("webhook-secret").doesNotContain("link-key"));
    }

    @Test
    void everyFunctionMayMakeTheOneTableReadThatPrimesItsSnapshot() {
        // LoyaltyRequestHandler.prime: without the grant the read is refused and restored functions start unprimed.
        assertThat(FUNCTION_ROLES).allSatisfy(role -> assertThat(GRANTS)
                .contains(new Grant(role, "dynamodb:GetItem", "LoyaltyTable")));
    }

    @Test
    void onlyTheBackgroundShopDeletionMayScanOrDeleteBroadly() {
        // shop/redact must find every partition of a shop; nothing on a request path may scan (docs/data-model.md).
        assertThat(GRANTS.stream().filter(g -> g.action().equals("dynamodb:Scan")).map(Grant::role))
                .containsExactly("PrivacyEventsRole");
        assertThat(GRANTS.stream().filter(g -> g.action().equals("dynamodb:BatchWriteItem")).map(Grant::role))
                .containsExactlyInAnyOrder("PrivacyEventsRole", "RetentionRole");
    }

    @Test
    void everyRoleThatSendsEmailMayUseTheConfigurationSetAndOnlyTheSenderIdentity() {
        List<Grant> sends = GRANTS.stream().filter(g -> g.action().equals("ses:SendEmail")).toList();
        assertThat(sends).isNotEmpty().allSatisfy(g -> assertThat(g.resource()).isIn(
                "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${SenderIdentity}",
                "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:configuration-set/${SesConfigurationSet}"));
        sends.stream().map(Grant::role).distinct().forEach(role -> assertThat(GRANTS).contains(new Grant(role,
                "ses:SendEmail",
                "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:configuration-set/${SesConfigurationSet}")));
    }

    @Test
    void theSesEventsFunctionSendsNothingAndNeverQueriesTheTable() {
        List<String> actions = GRANTS.stream().filter(g -> g.role().equals("SesEventsRole")).map(Grant::action).toList();
        assertThat(actions).isNotEmpty().noneMatch(a -> a.startsWith("ses:") || a.startsWith("events:")
                || a.equals("dynamodb:Query") || a.equals("dynamodb:Scan") || a.startsWith("ssm:"));
    }
}
