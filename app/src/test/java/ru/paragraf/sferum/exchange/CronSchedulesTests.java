package ru.paragraf.sferum.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Schedules are checked with a precise Russian reason, described in Russian words, and fire when expected. */
class CronSchedulesTests {

    static final ZoneId SAINT_PETERSBURG = ZoneId.of("Europe/Moscow");
    static final Clock CLOCK = Clock.fixed(
            ZonedDateTime.of(2026, 3, 2, 9, 58, 30, 0, SAINT_PETERSBURG).toInstant(), SAINT_PETERSBURG);

    final ExchangeTexts texts = new ExchangeTexts(messages());
    final CronSchedules crons = new CronSchedules(CLOCK, properties(Duration.ofMinutes(1)), texts);
    final CronWords words = new CronWords(texts);

    @Test
    void acceptsThePresetsAndStoresExpressionsNormalized() {
        for (var preset : new SchedulePreset[] {
            SchedulePreset.EVERY_10_MINUTES, SchedulePreset.EVERY_30_MINUTES, SchedulePreset.HOURLY
        }) {
            var cron = preset.cron(null, null);
            assertThat(crons.check(cron)).isEqualTo(cron);
            assertThat(SchedulePreset.of(cron)).isEqualTo(preset);
        }
        assertThat(crons.check("  0  30 6 * *   ? ")).isEqualTo("0 30 6 * * ?");
        assertThat(crons.check("0 0 8 ? * mon-fri")).isEqualTo("0 0 8 ? * MON-FRI");
        assertThat(SchedulePreset.of("0 30 6 * * ?")).isEqualTo(SchedulePreset.DAILY);
        assertThat(SchedulePreset.dailyTime("0 30 6 * * ?")).hasToString("06:30");
        assertThat(SchedulePreset.of("0 0 8 ? * MON-FRI")).isEqualTo(SchedulePreset.CUSTOM);
    }

    @Test
    void defaultScheduleRunsEveryTenMinutes() {
        assertThat(SchedulePreset.DEFAULT.cron(null, null)).isEqualTo("0 0/10 * * * ?");
        assertThat(crons.next("0 0/10 * * * ?", 3))
                .extracting(ZonedDateTime::toLocalTime)
                .extracting(Object::toString)
                .containsExactly("10:00", "10:10", "10:20");
    }

    @Test
    void nextRunsFollowTheApplicationsTimeZone() {
        var next = crons.next("0 0 6 * * ?", 3);
        assertThat(next).hasSize(3);
        assertThat(next.get(0)).isEqualTo(ZonedDateTime.of(2026, 3, 3, 6, 0, 0, 0, SAINT_PETERSBURG));
        assertThat(next.get(2)).isEqualTo(ZonedDateTime.of(2026, 3, 5, 6, 0, 0, 0, SAINT_PETERSBURG));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                    | Укажите выражение cron.",
                "*/10 * * * *          | В выражении 5 полей, как в cron Unix. Здесь нужен формат Quartz из 6 полей",
                "0 0 6 * * ? 2030 1    | В выражении cron 8 пол., а нужно 6 или 7",
                "0 61 * * * ?          | Поле «минуты»: значение 61 вне допустимого диапазона 0–59.",
                "0 0 24 * * ?          | Поле «часы»: значение 24 вне допустимого диапазона 0–23.",
                "0 0 6 32 * ?          | Поле «день месяца»: значение 32 вне допустимого диапазона 1–31.",
                "0 0 6 ? 13 MON        | Поле «месяц»: значение 13 вне допустимого диапазона 1–12.",
                "0 0 6 ? * FOO         | Поле «день недели»: недопустимое значение «FOO».",
                "0 0/0 * * * ?         | Поле «минуты»: шаг «0» должен быть целым числом от 1 до 60.",
                "0 0 6 * * *           | Знак «?» ставится ровно в одном из полей «день месяца» и «день недели»",
                "0 0 6 ? * ?           | Знак «?» ставится ровно в одном из полей «день месяца» и «день недели»",
                "? 0 6 * * ?           | Поле «секунды»: недопустимое значение «?».",
                "0 0 6 ? * MON#9       | Выражение cron не распознано: ошибка около символа",
                "0 0 6 1 1 ? 2020      | По этому выражению cron задача никогда не запустится.",
                "0/30 * * * * ?        | Задача не может запускаться чаще, чем раз в 1 мин, а по этому выражению между запусками всего 30 с.",
                "0 0/1,0/1 * * * ? 2030 | ''",
            })
    void refusesBadExpressionsWithAPreciseReason(String expression, String reason) {
        if (reason.isEmpty()) {
            assertThat(crons.check(expression)).isNotBlank();
            return;
        }
        assertThatThrownBy(() -> crons.check(expression))
                .isInstanceOfSatisfying(
                        InvalidScheduleException.class,
                        refused -> assertThat(texts.text(refused.reason())).startsWith(reason));
    }

    @Test
    void aShorterMinimumIntervalAllowsSecondsSchedules() {
        var fast = new CronSchedules(CLOCK, properties(Duration.ofSeconds(1)), texts);
        assertThat(fast.check("0/2 * * * * ?")).isEqualTo("0/2 * * * * ?");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0 0/10 * * * ?          | каждые 10 минут",
                "0 0/30 * * * ?          | каждые 30 минут",
                "0 */5 * * * ?           | каждые 5 минут",
                "0 0/2 * * * ?           | каждые 2 минуты",
                "0 0/21 * * * ?          | каждую 21 минуту",
                "0 * * * * ?             | каждую минуту",
                "0 0 * * * ?             | каждый час",
                "0 15 * * * ?            | каждый час, на 15-й минуте",
                "0 0 0/6 * * ?           | каждые 6 часов",
                "0 0 0/2 * * ?           | каждые 2 часа",
                "0 0 6 * * ?             | ежедневно в 06:00",
                "0 30 8,14 * * ?         | ежедневно в 08:30 и 14:30",
                "0 0 7,12,19 * * ?       | ежедневно в 07:00, 12:00 и 19:00",
                "0 0 8 ? * MON-FRI       | по будним дням в 08:00",
                "0 0 9 ? * MON,WED       | по понедельникам и по средам в 09:00",
                "0 0 9 ? * 1             | по воскресеньям в 09:00",
                "0 0/15 8-18 ? * MON-FRI | каждые 15 минут с 08:00 до 18:59 по будним дням",
                "0 0 3 1 * ?             | 1-го числа каждого месяца в 03:00",
                "0 0 3 L * ?             | по выражению cron: секунды — 0; минуты — 0; часы — 3; дни месяца — L; месяцы — любые; дни недели — любые; годы — любые",
            })
    void describesSchedulesInRussianWords(String cron, String description) {
        assertThat(words.describe(cron)).isEqualTo(description);
    }

    @Test
    void formatsDurationsInRussian() {
        assertThat(texts.duration(Duration.ofSeconds(45))).isEqualTo("45 с");
        assertThat(texts.duration(Duration.ofMinutes(10))).isEqualTo("10 мин");
        assertThat(texts.duration(Duration.ofSeconds(185))).isEqualTo("3 мин 05 с");
        assertThat(texts.duration(Duration.ofMinutes(62))).isEqualTo("1 ч 02 мин");
        assertThat(texts.duration(Duration.ofDays(90))).isEqualTo("90 дн.");
    }

    static ExchangeProperties properties(Duration minimumInterval) {
        return new ExchangeProperties(
                minimumInterval, Duration.ofSeconds(1), 500, Duration.ofDays(90), "30 * * * * ?", "0 40 3 * * ?");
    }

    static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    static Instant now() {
        return CLOCK.instant();
    }
}
