package org.vitaleterminal.dist.demo;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.vitaleterminal.sim.data.SamplePeople;
import org.vitaleterminal.sim.issuer.CredentialRequest;
import org.vitaleterminal.sim.issuer.Issuer;
import org.vitaleterminal.sim.keys.SimKeyPair;
import org.vitaleterminal.sim.wallet.Wallet;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * Everyone who comes to the demo's counter: the simulator's sample world (its trust list and
 * wallets), plus what it does not hold — a wallet whose credential was signed by a key the trust
 * list does not list (a forger, or an issuer this terminal was never told about) and an EU DCC.
 */
public final class DemoCast {
    /** Index of Léa, the DURAND family's first child: the member a parent chooses to show. */
    public static final int FAMILY_MEMBER_SHOWN = 2;

    private final SampleWorld world;
    private final Wallet unknownIssuer;
    private final String hc1;

    private DemoCast(SampleWorld world, Wallet unknownIssuer, String hc1) {
        this.world = world;
        this.unknownIssuer = unknownIssuer;
        this.hc1 = hc1;
    }

    public static DemoCast create(SecureRandom random, Instant now) {
        SampleWorld world = SampleWorld.create(random, now);
        // Same issuer name as the real one, another key: only the trust list tells them apart.
        Issuer rogue = new Issuer(SampleWorld.CNAM, SimKeyPair.p256(random), now.minus(Duration.ofDays(180)),
                now.plus(Duration.ofDays(730)), false);
        SamplePeople people = new SamplePeople(LocalDate.ofInstant(now, SampleWorld.ZONE));
        Wallet unknown = new Wallet(rogue.mint(CredentialRequest.builder().household(people.singleAdult())
                .validity(now.minus(Duration.ofHours(1)), SampleWorld.CREDENTIAL_LIFETIME).build(), random));
        return new DemoCast(world, unknown, Hc1Sample.mint(random, now));
    }

    public SampleWorld world() {
        return world;
    }

    public Wallet unknownIssuer() {
        return unknownIssuer;
    }

    /** A well-formed {@code HC1:} text the demo terminal has no document signer for. */
    public String hc1() {
        return hc1;
    }
}
