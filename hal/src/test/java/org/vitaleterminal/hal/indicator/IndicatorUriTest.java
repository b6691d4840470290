package org.vitaleterminal.hal.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorUriTest {

    @Test
    void theDocumentedForms() {
        assertEquals(new IndicatorUri.Gpio("gpio:green=17,red=27,buzzer=18", 17, 27, OptionalInt.of(18), BuzzerType.AUTO, 2700),
                IndicatorUri.parse("gpio:green=17,red=27,buzzer=18"));
        assertEquals(new IndicatorUri.Gpio("gpio", 17, 27, OptionalInt.of(18), BuzzerType.AUTO, 2700),
                IndicatorUri.parse("gpio"));
        assertEquals(new IndicatorUri.Gpio("gpio:red=22,buzzer=none", 17, 22, OptionalInt.empty(), BuzzerType.AUTO, 2700),
                IndicatorUri.parse("gpio:red=22,buzzer=none"));
        assertEquals(new IndicatorUri.Gpio("gpio:buzzer=12,buzzer-type=pwm,tone=4000", 17, 27, OptionalInt.of(12),
                BuzzerType.PWM, 4000), IndicatorUri.parse("gpio:buzzer=12,buzzer-type=pwm,tone=4000"));
        assertInstanceOf(IndicatorUri.Console.class, IndicatorUri.parse("console"));
        assertInstanceOf(IndicatorUri.None.class, IndicatorUri.parse(" None"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                  | empty",
            "leds                                | unknown indicator kind",
            "gpio:green=17,red=17                | three different pins",
            "gpio:buzzer=27                      | three different pins",
            "gpio:green=40                       | green=40 is not a header GPIO (BCM 0..27)",
            "gpio:green=-1                       | green must be a number, not '-1'",
            "gpio:red=GPIO27                     | red must be a number, not 'GPIO27'",
            "gpio:buzzer-type=passive            | buzzer-type must be auto, pwm or plain",
            "gpio:tone=50                        | tone must be 100..10000 Hz",
            "gpio:green=5,green=6                | green is given twice",
            "gpio:blue=5                         | unknown option 'blue=5'",
            "gpio:17                             | '17' is not NAME=VALUE",
    })
    void malformedSettingsNameTheOptionAndTheExpectedForm(String value, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IndicatorUri.parse(value));
        assertTrue(e.getMessage().contains("indicator"), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertTrue(e.getMessage().contains("expected gpio[:green=N"), e.getMessage());
    }
}
