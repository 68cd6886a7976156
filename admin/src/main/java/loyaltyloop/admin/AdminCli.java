package loyaltyloop.admin;

import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar loyalty-admin.jar shops ...}: the commands that set a stack up for its shops, run from an
 * owner's or operator's machine against the deployed stack (or an emulator). See {@link ShopsCommand}.
 */
public final class AdminCli {

    private AdminCli() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args)));
    }

    static int run(List<String> args) {
        if (!args.isEmpty() && args.get(0).equals("shops")) {
            return ShopsCommand.run(args.subList(1, args.size()));
        }
        boolean help = args.contains("--help") || args.contains("-h");
        (help ? System.out : System.err).println(ShopsCommand.USAGE);
        return help ? 0 : Flags.EXIT_USAGE;
    }
}
