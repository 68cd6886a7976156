package loyaltyloop.secrets;

import java.util.Optional;

/** Reads secrets by reference: an SSM SecureString parameter's name. */
public interface SecretSource {

    /** The secret's value, or empty when no secret has that reference. */
    Optional<String> secret(String reference);
}
