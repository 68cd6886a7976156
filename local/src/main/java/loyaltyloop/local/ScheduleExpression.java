package loyaltyloop.local;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression on the local clock. {@code rate(N minute[s]|hour[s]|day[s])} is exact;
 * {@code cron(min hour day month weekday year)} is approximated: once a day at its hour and minute (UTC) when both
 * are plain numbers, else once an hour at its minute (0 when that is not a plain number either).
 */
record ScheduleExpression(String text, Duration period, int cronMinute, int cronHour) {

    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");

    static ScheduleExpression parse(String text) {
        String trimmed = text.trim();
        Matcher rate = RATE.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (rate.matches()) {
            long amount = Long.parseLong(rate.group(1));
            if (amount <= 0) {
                throw new IllegalArgumentException("rate must be positive: " + text);
            }
            ChronoUnit unit = switch (rate.group(2)) {
                case "minute", "minutes" -> ChronoUnit.MINUTES;
                case "hour", "hours" -> ChronoUnit.HOURS;
                default -> ChronoUnit.DAYS;
            };
            return new ScheduleExpression(trimmed, Duration.of(amount, unit), -1, -1);
        }
        Matcher cron = CRON.matcher(trimmed);
        if (cron.matches()) {
            String[] fields = cron.group(1).trim().split("\\s+");
            if (fields.length != 6) {
                throw new IllegalArgumentException("cron needs 6 fields: " + text);
            }
            int minute = number(fields[0], 59);
            int hour = number(fields[1], 23);
            return new ScheduleExpression(trimmed, null, Math.max(minute, 0), hour);
        }
        throw new IllegalArgumentException("not a schedule expression: " + text);
    }

    /** The first fire time strictly after {@code after}. */
    Instant next(Instant after) {
        if (period != null) {
            return after.plus(period);
        }
        ZonedDateTime now = after.atZone(ZoneOffset.UTC);
        if (cronHour >= 0) {
            ZonedDateTime today = now.truncatedTo(ChronoUnit.DAYS).withHour(cronHour).withMinute(cronMinute);
            return (today.isAfter(now) ? today : today.plusDays(1)).toInstant();
        }
        ZonedDateTime thisHour = now.truncatedTo(ChronoUnit.HOURS).withMinute(cronMinute);
        return (thisHour.isAfter(now) ? thisHour : thisHour.plusHours(1)).toInstant();
    }

    private static int number(String field, int max) {
        if (!field.matches("\\d{1,2}")) {
            return -1;
        }
        int value = Integer.parseInt(field);
        return value <= max ? value : -1;
    }
}
