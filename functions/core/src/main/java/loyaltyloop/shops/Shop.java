package loyaltyloop.shops;

/**
 * A shop that runs the loop. Holds only a <em>reference</em> to its webhook secret (an SSM SecureString or
 * Secrets Manager name); the secret itself never touches the table.
 */
public record Shop(
        String domain,
        Platform platform,
        String storefrontUrl,
        String senderAddress,
        String senderName,
        String ownerEmail,
        String defaultLocale,
        String currency,
        String webhookSecretRef) {
}
