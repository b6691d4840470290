package org.vitaleterminal.credential.vt1;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"19850312", "20240229", "19850300", "19850000"})
    void birthDatesMayHaveUnknownDayOrMonth(String date) {
        assertTrue(Dates.isBirthDate(date));
    }

    @ParameterizedTest
    @ValueSource(strings = {"19850012", "20230229", "19851301", "19850132", "1985031", "198503120", "1985O312", ""})
    void impossibleBirthDates(String date) {
        assertFalse(Dates.isBirthDate(date));
    }

    @ParameterizedTest
    @ValueSource(strings = {"19850300", "20230229", "20231232", "2023-1-1"})
    void periodDatesMustBeCalendarDates(String date) {
        assertFalse(Dates.isCalendarDate(date));
    }
}
