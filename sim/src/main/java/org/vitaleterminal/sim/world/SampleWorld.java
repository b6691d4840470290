package org.vitaleterminal.sim.world;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vitaleterminal.sim.data.Household;
import org.vitaleterminal.sim.data.SamplePeople;
import org.vitaleterminal.sim.issuer.CredentialRequest;
import org.vitaleterminal.sim.issuer.Delegation;
import org.vitaleterminal.sim.issuer.Issuer;
import org.vitaleterminal.sim.issuer.MintedCredential;
import org.vitaleterminal.sim.keys.SimKeyPair;
import org.vitaleterminal.sim.trust.TrustListAuthority;
import org.vitaleterminal.sim.trust.TrustListContent;
import org.vitaleterminal.sim.wallet.Wallet;

/**
 * A coherent world around a terminal at time {@code now}, for tests and the demo:
 * <ul>
 * <li>a trust-list authority ("FR-VT1-TRUST", ES256 root);</li>
 * <li>issuers: CNAM (ES256), MSA (EdDSA) and a demo key ("FR-DEMO", ES256, demo flag), each
 * key valid from 180 days before {@code now} to two years after;</li>
 * <li>trust list version 1, issued at {@code now}, valid 7 days, listing the three keys and
 * revoking the credential of {@link #revoked()};</li>
 * <li>wallets, each credential issued one hour before {@code now} for 30 days unless said
 * otherwise: {@link #singleAdult()}, {@link #family()}, {@link #closedRights()},
 * {@link #expired()}, {@link #revoked()}, {@link #demo()}, {@link #delegated()},
 * {@link #msaFarmer()}.</li>
 * </ul>
 * Everything is drawn from the given random, in a fixed order: a seeded random gives the same
 * world byte for byte.
 */
public final class SampleWorld {
    /** Calendar dates (rights periods) are French dates. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    public static final String AUTHORITY_ID = "FR-VT1-TRUST";
    public static final String CNAM = "FR-CNAM";
    public static final String MSA = "FR-MSA";
    public static final String DEMO = "FR-DEMO";

    public static final Duration CREDENTIAL_LIFETIME = Duration.ofDays(30);
    public static final Duration TRUST_LIST_LIFETIME = Duration.ofDays(7);

    private final Instant now;
    private final TrustListAuthority authority;
    private final Issuer cnam;
    private final Issuer msa;
    private final Issuer demoIssuer;
    private final TrustListContent trustListContent;
    private final byte[] trustList;
    private final Map<String, Wallet> wallets;

    private SampleWorld(Instant now, TrustListAuthority authority, Issuer cnam, Issuer msa, Issuer demoIssuer,
            TrustListContent trustListContent, byte[] trustList, Map<String, Wallet> wallets) {
        this.now = now;
        this.authority = authority;
        this.cnam = cnam;
        this.msa = msa;
        this.demoIssuer = demoIssuer;
        this.trustListContent = trustListContent;
        this.trustList = trustList;
        this.wallets = wallets;
    }

    public static SampleWorld create(SecureRandom random, Instant now) {
        Instant keysFrom = now.minus(Duration.ofDays(180));
        Instant keysUntil = now.plus(Duration.ofDays(730));
        TrustListAuthority authority = new TrustListAuthority(AUTHORITY_ID, SimKeyPair.p256(random));
        Issuer cnam = new Issuer(CNAM, SimKeyPair.p256(random), keysFrom, keysUntil, false);
        Issuer msa = new Issuer(MSA, SimKeyPair.ed25519(random), keysFrom, keysUntil, false);
        Issuer demoIssuer = new Issuer(DEMO, SimKeyPair.p256(random), keysFrom, keysUntil, true);

        SamplePeople people = new SamplePeople(LocalDate.ofInstant(now, ZONE));
        Instant issued = now.minus(Duration.ofHours(1));
        Map<String, Wallet> wallets = new LinkedHashMap<>();
        wallets.put("single-adult", wallet(cnam, ordinary(people.singleAdult(), issued), random));
        wallets.put("family", wallet(cnam, ordinary(people.family(), issued), random));
        wallets.put("closed-rights", wallet(cnam, ordinary(people.closedRights(), issued), random));
        Instant expiredIssued = now.minus(Duration.ofDays(40));
        wallets.put("expired", wallet(cnam, ordinary(people.moreau(), expiredIssued), random));
        wallets.put("revoked", wallet(cnam, ordinary(people.lefebvre(), issued), random));
        wallets.put("demo", wallet(demoIssuer, ordinary(people.demoPerson(), issued).demo(true), random));
        // Grandmother minding the two DURAND children for two weeks.
        Household family = people.family();
        wallets.put("delegated", wallet(cnam, CredentialRequest.builder()
                .insured(family.insured())
                .beneficiary(family.beneficiary(2))
                .beneficiary(family.beneficiary(3))
                .validity(issued, Duration.ofDays(14))
                .delegation(new Delegation("Françoise DURAND", issued.plus(Duration.ofDays(14)))), random));
        wallets.put("msa-farmer", wallet(msa, ordinary(people.msaFarmer(), issued), random));

        MintedCredential revoked = wallets.get("revoked").credential();
        TrustListContent content = TrustListContent.builder()
                .version(1)
                .issuedAt(now)
                .expiresAt(now.plus(TRUST_LIST_LIFETIME))
                .issuerKey(cnam.keyEntry())
                .issuerKey(msa.keyEntry())
                .issuerKey(demoIssuer.keyEntry())
                .revoke(revoked.cti(), revoked.expiresAt());
        return new SampleWorld(now, authority, cnam, msa, demoIssuer, content, authority.sign(content),
                Collections.unmodifiableMap(wallets));
    }

    private static CredentialRequest.Builder ordinary(Household household, Instant issued) {
        return CredentialRequest.builder().household(household).validity(issued, CREDENTIAL_LIFETIME);
    }

    private static Wallet wallet(Issuer issuer, CredentialRequest.Builder request, SecureRandom random) {
        return new Wallet(issuer.mint(request.build(), random));
    }

    public Instant now() {
        return now;
    }

    public TrustListAuthority authority() {
        return authority;
    }

    /** The PEM a terminal pins as its trust root. */
    public String rootPem() {
        return authority.rootPem();
    }

    public Issuer cnam() {
        return cnam;
    }

    public Issuer msa() {
        return msa;
    }

    public Issuer demoIssuer() {
        return demoIssuer;
    }

    /** What the signed trust list says (its builder, to derive version 2 and the like). */
    public TrustListContent trustListContent() {
        return trustListContent;
    }

    /** The signed trust list (tagged COSE_Sign1 bytes). */
    public byte[] trustList() {
        return trustList.clone();
    }

    /** Marie DUPONT, one beneficiary, CNAM. */
    public Wallet singleAdult() {
        return wallets.get("single-adult");
    }

    /** The DURAND family: beneficiaries 0 assuré, 1 conjoint, 2 and 3 enfants. */
    public Wallet family() {
        return wallets.get("family");
    }

    /** Bernard PETIT: a valid credential whose AMO period ended three months ago. */
    public Wallet closedRights() {
        return wallets.get("closed-rights");
    }

    /** Sophie MOREAU: credential issued 40 days ago, expired 10 days ago. */
    public Wallet expired() {
        return wallets.get("expired");
    }

    /** Antoine LEFEBVRE: credential revoked in the trust list. */
    public Wallet revoked() {
        return wallets.get("revoked");
    }

    /** Camille EXEMPLE: demo credential (vitale-data 5: true) signed by the demo key. */
    public Wallet demo() {
        return wallets.get("demo");
    }

    /** Léa and Hugo DURAND, issued to their grandmother for 14 days (vitale-data 4). */
    public Wallet delegated() {
        return wallets.get("delegated");
    }

    /** Jean ROUSSEAU: MSA, EdDSA-signed credential. */
    public Wallet msaFarmer() {
        return wallets.get("msa-farmer");
    }

    /** Every wallet by a short name, in a fixed order (for the demo). */
    public Map<String, Wallet> wallets() {
        return wallets;
    }
}
