package org.vitaleterminal.firmware.selftest;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Turns a failed broker connection into what went wrong and the fix a technician can try. Paho
 * wraps the real cause (refused port, TLS alert, certificate problem) a few levels down, so the
 * cause chain is searched for the first thing that names the problem.
 */
final class BrokerFailure {
    private final String host;
    private final int port;
    private final String terminalId;
    private final long timeoutSeconds;

    BrokerFailure(String serverUri, String terminalId, long timeoutSeconds) {
        URI uri = URI.create(serverUri);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.terminalId = terminalId;
        this.timeoutSeconds = timeoutSeconds;
    }

    CheckResult explain(MqttException e) {
        switch (e.getReasonCode()) {
            case MqttException.REASON_CODE_NOT_AUTHORIZED, MqttException.REASON_CODE_FAILED_AUTHENTICATION -> {
                return CheckResult.fail("the broker refused the connection (not authorised)", "the broker must accept "
                        + "this terminal: its client certificate (mqtt.cert) with CN = terminal.id '" + terminalId
                        + "' and an ACL for it (docs/mqtt.md); a tcp:// broker must allow anonymous clients");
            }
            case MqttException.REASON_CODE_INVALID_CLIENT_ID -> {
                return CheckResult.fail("the broker rejected the client id '" + terminalId + BrokerCheck.CLIENT_ID_SUFFIX
                        + "'", "allow client ids of up to 73 characters on the broker");
            }
            case MqttException.REASON_CODE_BROKER_UNAVAILABLE -> {
                return CheckResult.fail("the broker answered but is unavailable", "see the broker's log");
            }
            case MqttException.REASON_CODE_CLIENT_TIMEOUT -> {
                return noAnswer();
            }
            default -> {
                // the cause chain says more
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            CheckResult result = explainCause(cause);
            if (result != null) {
                return result;
            }
        }
        return CheckResult.fail("MQTT error " + e.getReasonCode() + ": " + e.getMessage(),
                "see the broker's log for client " + terminalId + BrokerCheck.CLIENT_ID_SUFFIX);
    }

    private CheckResult explainCause(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        if (cause instanceof UnknownHostException) {
            return CheckResult.fail("unknown host " + host, "check the host name in mqtt.url and the DNS (getent hosts "
                    + host + ")");
        }
        if (cause instanceof ConnectException) {
            return CheckResult.fail("connection refused by " + host + ":" + port, "check the port in mqtt.url and that "
                    + "the broker runs and listens there");
        }
        if (cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
            return noAnswer();
        }
        if (cause instanceof CertificateNotYetValidException) {
            return CheckResult.fail("the broker's certificate is not yet valid (" + message + ")", "the clock is "
                    + "probably in the past: check timedatectl and let NTP set it");
        }
        if (cause instanceof CertificateExpiredException) {
            return CheckResult.fail("the broker's certificate has expired (" + message + ")", "have the broker's "
                    + "certificate renewed; if it is not expired, the clock is ahead: check timedatectl");
        }
        if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException
                || lower.contains("pkix path")) {
            return CheckResult.fail("the broker's certificate is not signed by the CA in mqtt.ca",
                    "install the CA that signed the broker's certificate as mqtt.ca");
        }
        if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
            return CheckResult.fail("the broker's certificate does not name " + host, "put the host name the broker's "
                    + "certificate names in mqtt.url, or have the certificate reissued for " + host);
        }
        if (lower.contains("alert")) {
            return explainAlert(message, lower);
        }
        if (cause instanceof SSLException) {
            return CheckResult.fail("TLS handshake failed: " + message, "see the broker's log; check mqtt.ca, "
                    + "mqtt.cert and mqtt.key, and the clock (timedatectl)");
        }
        if (lower.contains("connection reset") || lower.contains("broken pipe")) {
            return CheckResult.fail("the broker closed the connection during the handshake", "the broker may require "
                    + "a client certificate (set mqtt.cert and mqtt.key) or refuse the TLS version; see its log");
        }
        return null;
    }

    /** A TLS alert sent by the broker: it refused something the terminal presented. */
    private CheckResult explainAlert(String message, String lower) {
        if (lower.contains("certificate_expired")) {
            return CheckResult.fail("the broker refused the terminal's certificate as expired (" + message + ")",
                    "have mqtt.cert renewed; if it is not expired, check the clock (timedatectl)");
        }
        if (lower.contains("certificate_required") || lower.contains("handshake_failure")) {
            return CheckResult.fail("the broker requires a client certificate (" + message + ")",
                    "set mqtt.cert and mqtt.key to the terminal's certificate and key");
        }
        return CheckResult.fail("the broker refused the terminal's certificate (" + message + ")", "mqtt.cert must be "
                + "signed by the CA the broker trusts, with CN = terminal.id '" + terminalId + "', and mqtt.key must be "
                + "its key");
    }

    private CheckResult noAnswer() {
        return CheckResult.fail("no answer from " + host + ":" + port + " within " + timeoutSeconds + " s",
                "check the network (ping " + host + "), that the firewall lets port " + port + " out, and mqtt.url");
    }
}
