package loyaltyloop.aws;

import io.micronaut.context.BeanContext;
import jakarta.inject.Singleton;
import loyaltyloop.lambda.SnapshotPriming;

/** Before SnapStart's snapshot, signs an SSM read without sending it ({@link SsmSecretReader#primeSigning}). */
@Singleton
public class SecretReadWarmUp implements SnapshotPriming {

    private final BeanContext context;

    public SecretReadWarmUp(BeanContext context) {
        this.context = context;
    }

    @Override
    public void prime() {
        context.findBean(SsmSecretReader.class).ifPresent(SsmSecretReader::primeSigning);
    }
}
