package dev.parley.sla.internal;

import dev.parley.sla.BusinessHours;
import dev.parley.sla.OpenInterval;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored calendars by scope: {@code default} for the workspace, a team's id for a team. */
@Repository
public class BusinessHoursRepository {

    public static final String DEFAULT_SCOPE = "default";

    private final JdbcClient jdbc;

    public BusinessHoursRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The calendar with each holiday's name (a holiday without a name maps to an empty string). */
    public record Stored(BusinessHours hours, Map<LocalDate, String> holidayNames) {
    }

    public Optional<Stored> find(String scope) {
        Optional<String> zone = jdbc.sql("SELECT time_zone FROM business_hours WHERE scope = :s")
                .param("s", scope).query(String.class).optional();
        if (zone.isEmpty()) {
            return Optional.empty();
        }
        Map<DayOfWeek, List<OpenInterval>> week = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("SELECT day_of_week, opens_at, closes_at FROM business_hours_interval WHERE scope = :s")
                .param("s", scope)
                .query((rs, n) -> {
                    DayOfWeek day = DayOfWeek.of(rs.getInt("day_of_week"));
                    week.computeIfAbsent(day, d -> new ArrayList<>()).add(new OpenInterval(
                            rs.getObject("opens_at", LocalTime.class), rs.getObject("closes_at", LocalTime.class)));
                    return day;
                }).list();
        Map<LocalDate, String> holidays = new TreeMap<>();
        jdbc.sql("SELECT holiday_date, name FROM business_hours_holiday WHERE scope = :s").param("s", scope)
                .query((rs, n) -> holidays.put(rs.getObject("holiday_date", LocalDate.class),
                        rs.getString("name") == null ? "" : rs.getString("name")))
                .list();
        return Optional.of(new Stored(new BusinessHours(ZoneId.of(zone.get()), week, holidays.keySet()), holidays));
    }

    /** Scopes with a calendar of their own. */
    public Set<String> scopes() {
        return Set.copyOf(jdbc.sql("SELECT scope FROM business_hours").query(String.class).list());
    }

    /** Replaces the scope's calendar as a whole (call inside a transaction). */
    public void save(String scope, BusinessHours hours, Map<LocalDate, String> holidayNames, Instant now) {
        delete(scope);
        jdbc.sql("INSERT INTO business_hours (scope, time_zone, updated_at) VALUES (:s, :z, :t)")
                .param("s", scope).param("z", hours.zone().getId()).param("t", now.atOffset(ZoneOffset.UTC)).update();
        hours.week().forEach((day, intervals) -> intervals.forEach(interval -> jdbc.sql("""
                INSERT INTO business_hours_interval (scope, day_of_week, opens_at, closes_at)
                VALUES (:s, :d, :o, :c)""")
                .param("s", scope).param("d", day.getValue()).param("o", interval.opens())
                .param("c", interval.closes()).update()));
        hours.holidays().forEach(day -> jdbc.sql(
                "INSERT INTO business_hours_holiday (scope, holiday_date, name) VALUES (:s, :d, :n)")
                .param("s", scope).param("d", day).param("n", blankToNull(holidayNames.get(day))).update());
    }

    public boolean delete(String scope) {
        jdbc.sql("DELETE FROM business_hours_holiday WHERE scope = :s").param("s", scope).update();
        jdbc.sql("DELETE FROM business_hours_interval WHERE scope = :s").param("s", scope).update();
        return jdbc.sql("DELETE FROM business_hours WHERE scope = :s").param("s", scope).update() > 0;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
