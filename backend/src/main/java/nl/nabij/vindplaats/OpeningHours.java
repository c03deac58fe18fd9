package nl.nabij.vindplaats;

import java.time.DayOfWeek;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One opening period on a weekday, local time, {@code HH:MM} to {@code HH:MM} on the same day. Stored on the
 * vindplaats as a string list in the form {@code MO 09:00-17:00}: the two-letter day codes of iCalendar, which HSDS
 * schedules use as well.
 */
public record OpeningHours(DayOfWeek weekday, String opens, String closes) {

    /** The two-letter iCalendar day codes, Monday first. */
    public static final List<String> DAY_CODES = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Pattern STORED = Pattern.compile("(MO|TU|WE|TH|FR|SA|SU) (\\d\\d:\\d\\d)-(\\d\\d:\\d\\d)");

    public static boolean isTime(String time) {
        return time != null && TIME.matcher(time).matches();
    }

    public static String dayCode(DayOfWeek day) {
        return DAY_CODES.get(day.getValue() - 1);
    }

    public static DayOfWeek fromDayCode(String code) {
        return DayOfWeek.of(DAY_CODES.indexOf(code) + 1);
    }

    /** The stored form, e.g. {@code WE 13:00-17:30}. */
    String stored() {
        return dayCode(weekday) + " " + opens + "-" + closes;
    }

    static OpeningHours fromStored(String stored) {
        Matcher matcher = STORED.matcher(stored);
        if (!matcher.matches()) {
            throw new IllegalStateException("opening hours not in the form 'MO 09:00-17:00': " + stored);
        }
        return new OpeningHours(fromDayCode(matcher.group(1)), matcher.group(2), matcher.group(3));
    }
}
