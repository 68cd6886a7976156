package loyaltyloop.aws;

import java.util.Optional;

/** Reads one kind of secret reference. Each function ships only the SDK modules of the readers it needs. */
interface SecretReader {

    boolean handles(String reference);

    Optional<String> read(String reference);
}
