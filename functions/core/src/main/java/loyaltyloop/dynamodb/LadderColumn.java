package loyaltyloop.dynamodb;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import loyaltyloop.ladder.LadderPosition;
import loyaltyloop.ladder.Stage;

/**
 * A customer's ladder position as one short string attribute ({@code ladder}), so it adds a few dozen bytes to the
 * customer item and no write of its own: {@code STAGE;lapsesOn;n:day,n:day;flags}, days as epoch days, flags
 * {@code A} (advocate) and {@code R} (recovery open). Example: {@code REPEAT;20600;1:20300,2:20420;}.
 */
final class LadderColumn {

    static final String ATTRIBUTE = "ladder";

    private LadderColumn() {
    }

    static String write(LadderPosition p) {
        if (p == null) {
            return null;
        }
        StringBuilder days = new StringBuilder();
        p.orderDays().forEach((n, d) -> days.append(days.length() == 0 ? "" : ",").append(n).append(':')
                .append(d.toEpochDay()));
        return p.stage().name() + ";" + p.lapsesOn().toEpochDay() + ";" + days + ";" + (p.advocate() ? "A" : "")
                + (p.recoveryOpen() ? "R" : "");
    }

    static LadderPosition read(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String[] parts = value.split(";", -1);
        Map<Integer, LocalDate> days = new TreeMap<>();
        if (!parts[2].isEmpty()) {
            for (String pair : parts[2].split(",")) {
                int colon = pair.indexOf(':');
                days.put(Integer.parseInt(pair.substring(0, colon)),
                        LocalDate.ofEpochDay(Long.parseLong(pair.substring(colon + 1))));
            }
        }
        String flags = parts.length > 3 ? parts[3] : "";
        return new LadderPosition(Stage.valueOf(parts[0]), LocalDate.ofEpochDay(Long.parseLong(parts[1])), days,
                flags.contains("A"), flags.contains("R"));
    }
}
