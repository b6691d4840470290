package org.vitaleterminal.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.vitaleterminal.credential.Vt1Fixture.WORLD;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.credential.vt1.ReplayGuard;
import org.vitaleterminal.sim.wallet.Wallet;

/**
 * A replay store that cannot answer is the terminal's fault, not the payload's: the verifier hands
 * the failure on as {@link ReplayGuard.Unavailable} instead of rejecting a valid credential as
 * FORMAT (which would show red and send a rejection event for the patient's card).
 */
class ReplayGuardFaultTest {
    private static final Wallet MARIE = WORLD.singleAdult();
    private final Vt1Fixture fx = Vt1Fixture.create();

    private static ReplayGuard failing(boolean onLookUp) {
        return new ReplayGuard() {
            @Override
            public boolean wasAccepted(byte[] credentialId, byte[] nonce, Instant now) {
                if (onLookUp) {
                    throw new IllegalStateException("replay store /var/lib/x/replay.db: cannot look a presentation up");
                }
                return false;
            }

            @Override
            public void recordAccepted(byte[] credentialId, byte[] nonce, Instant forgetAfter) {
                throw new IllegalStateException("replay store /var/lib/x/replay.db: cannot record a presentation");
            }
        };
    }

    @Test
    void aGuardThatCannotLookUpIsHandedOnNotCalledFormat() {
        Vt1Fixture broken = fx.withReplayGuard(failing(true));
        ReplayGuard.Unavailable fault = assertThrows(ReplayGuard.Unavailable.class,
                () -> broken.qr(broken.present(MARIE).qr()));
        assertEquals("replay store /var/lib/x/replay.db: cannot look a presentation up", fault.getMessage());
        byte[] challenge = broken.nonce();
        assertThrows(ReplayGuard.Unavailable.class,
                () -> broken.nfc(broken.present(MARIE).forNfc(challenge).bytes(), challenge));
    }

    @Test
    void aGuardThatCannotRecordIsHandedOnToo() {
        Vt1Fixture broken = fx.withReplayGuard(failing(false));
        ReplayGuard.Unavailable fault = assertThrows(ReplayGuard.Unavailable.class,
                () -> broken.qr(broken.present(MARIE).qr()));
        assertSame(IllegalStateException.class, fault.getCause().getClass());
    }

    @Test
    void aBadPayloadIsStillRejectedBeforeTheGuardIsAsked() {
        Vt1Fixture broken = fx.withReplayGuard(failing(true));
        Vt1Fixture.assertReason(Reason.FORMAT, broken.qr("VT1:not base45 at all!"));
    }
}
