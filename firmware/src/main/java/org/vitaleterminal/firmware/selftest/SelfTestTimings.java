package org.vitaleterminal.firmware.selftest;

import java.time.Duration;

/**
 * How long selftest waits for each thing. The defaults suit real hardware; tests shorten them.
 *
 * @param checkTimeout     the most any one check may take before it is reported stuck
 * @param brokerConnect    the MQTT connection timeout (whole seconds)
 * @param firstFrame       the wait for the camera's first frame
 * @param countFrames      how long frames are counted after the first
 * @param scannerOpen      the wait for the scanner's device to be open
 * @param nfcPoll          the one RF poll of the NFC check
 * @param indicatorStep    how long each signal of the test pattern is shown
 */
public record SelfTestTimings(Duration checkTimeout, Duration brokerConnect, Duration firstFrame, Duration countFrames,
                              Duration scannerOpen, Duration nfcPoll, Duration indicatorStep) {

    public static SelfTestTimings defaults() {
        return new SelfTestTimings(SelfTest.DEFAULT_CHECK_TIMEOUT, BrokerCheck.DEFAULT_CONNECT_TIMEOUT,
                CameraCheck.DEFAULT_FIRST_FRAME_WAIT, CameraCheck.DEFAULT_COUNT_FOR, ScannerCheck.DEFAULT_OPEN_WAIT,
                NfcCheck.DEFAULT_POLL, IndicatorCheck.DEFAULT_STEP);
    }

    public SelfTestTimings withCheckTimeout(Duration timeout) {
        return new SelfTestTimings(timeout, brokerConnect, firstFrame, countFrames, scannerOpen, nfcPoll, indicatorStep);
    }
}
