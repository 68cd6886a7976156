package loyaltyloop.lambda;

/**
 * Work done once before SnapStart snapshots an initialised function, so a restored function's first request does
 * not pay for it. Must never write, send or publish: it runs once per published version, not per request.
 */
public interface SnapshotPriming {

    void prime();
}
