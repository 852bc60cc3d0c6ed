package org.gateboard.live.ui;

import com.vaadin.flow.component.datepicker.DatePicker;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A date picker speaking the UI language: month and day names from the JDK, buttons from our messages. */
final class DatePickers {

    private DatePickers() {
    }

    static DatePicker localized(DatePicker picker, Locale locale, String today, String cancel) {
        List<String> months = new ArrayList<>();
        for (Month m : Month.values()) {
            months.add(m.getDisplayName(TextStyle.FULL, locale));
        }
        List<String> days = new ArrayList<>();
        List<String> shortDays = new ArrayList<>();
        // the date picker's week starts on Sunday in its lists
        for (DayOfWeek d : List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)) {
            days.add(d.getDisplayName(TextStyle.FULL, locale));
            shortDays.add(d.getDisplayName(TextStyle.SHORT, locale));
        }
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n()
                .setMonthNames(months).setWeekdays(days).setWeekdaysShort(shortDays)
                .setToday(today).setCancel(cancel).setFirstDayOfWeek(1).setDateFormat("yyyy-MM-dd");
        picker.setI18n(i18n);
        picker.setLocale(locale);
        return picker;
    }

    /** Shows {@code today} as the chosen and latest day: midnight passed with a live view open. */
    static void movedOnTo(DatePicker picker, LocalDate today) {
        picker.setMax(today);
        picker.setValue(today);
    }
}
