package loyaltyloop.bench.twins;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/** The base of the bus consumers' hand-wired twins: an EventBridge event in, a word out, and the same SnapStart hook. */
public abstract class HandWiredEventHandler implements RequestHandler<Map<String, Object>, String>, Resource {

    final HandWiring wiring;

    HandWiredEventHandler(Map<String, String> env) {
        wiring = new HandWiring(env);
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        wiring.warmUp().prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
    }

    @Override
    public abstract String handleRequest(Map<String, Object> event, Context context);
}
