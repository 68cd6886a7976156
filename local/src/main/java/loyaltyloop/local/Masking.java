package loyaltyloop.local;

/** Keeps email addresses out of logs: {@code jane@example.com} prints as {@code j***@example.com}. */
final class Masking {

    private Masking() {
    }

    static String email(String address) {
        if (address == null) {
            return "-";
        }
        int at = address.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
