package org.vitaleterminal.firmware.nfc;

import java.time.Duration;
import org.vitaleterminal.credential.VerificationResult;

/**
 * The outcome of one NFC tap that reached a decision: the verification result (accepted, or
 * rejected with its reason) and how long the tap took from detection to decision.
 */
public record NfcDecision(VerificationResult result, Duration detectionToDecision) {}
