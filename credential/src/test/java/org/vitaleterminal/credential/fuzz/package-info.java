/**
 * Fuzzing of the credential decoders with Jazzer ({@code @FuzzTest}), and the explicit
 * hostile-input tests.
 *
 * <p><b>Requirement.</b> Random and mutated inputs never throw, never take more than 50 ms or
 * allocate unboundedly; a zlib bomb or 10,000-deep CBOR is rejected fast. Every target checks, for
 * every input: no exception other than the documented checked ones, a non-null, well-formed result
 * (and no {@code RuntimeException} swallowed by the verifiers' fail-closed catch-alls), no
 * acceptance unless the input carries the signed bytes of a known seed (else: signature bypass),
 * and the {@link org.vitaleterminal.credential.fuzz.InputBudget} (50 ms of thread CPU time, 4 MiB
 * allocated).
 *
 * <p><b>Targets.</b>
 * <ol>
 *   <li>{@link org.vitaleterminal.credential.fuzz.NfcPresentationFuzzTest}: raw NFC bytes;</li>
 *   <li>{@link org.vitaleterminal.credential.fuzz.Vt1TextFuzzTest}: {@code VT1:} texts behind a
 *       valid transport, raw zlib streams, raw strings;</li>
 *   <li>{@link org.vitaleterminal.credential.fuzz.TrustListFuzzTest}: trust lists, raw and
 *       re-signed;</li>
 *   <li>{@code org.vitaleterminal.credential.hc1.Hc1FuzzTest}: {@code HC1:} texts;</li>
 *   <li>{@link org.vitaleterminal.credential.fuzz.SignedClaimsFuzzTest}: the claims, COSE_Keys and
 *       disclosures behind the signatures, re-signed by the harness.</li>
 * </ol>
 * Seeds are produced in code ({@code @MethodSource}) from a {@code SampleWorld} drawn from a fixed
 * seed at a fixed time ({@link org.vitaleterminal.credential.fuzz.FuzzFixture}).
 *
 * <p><b>In the build.</b> {@code mvn test} (and {@code verify}, {@code scripts/dev test}) runs
 * the targets in regression mode with the other tests, then fuzzes each for
 * {@code vt.fuzz.duration} (20 s) in a surefire execution of its own ({@code fuzz-*} in
 * {@code credential/pom.xml}; Jazzer fuzzes only one {@code @FuzzTest} per JVM). A finding fails
 * the build. {@code -Dvt.fuzz.skip} skips the fuzzing executions.
 *
 * <p><b>By hand.</b> One target, longer:
 * {@code JAZZER_FUZZ=1 mvn -pl credential -am test -Dvt.fuzz.skip -Dtest=Vt1TextFuzzTest
 * -Djazzer.max_duration=10m -Dsurefire.failIfNoSpecifiedTests=false}. The generated corpus
 * stays in {@code credential/target/jazzer/.cifuzz-corpus} between runs. A finding is written to
 * {@code credential/target/jazzer/crash-<sha1>}; to keep it as a regression test, copy it to
 * {@code src/test/resources/<package>/<TestClass>Inputs/<method>/}, where regression mode
 * replays every file (the first input byte is the target's mode selector where it has one).
 */
package org.vitaleterminal.credential.fuzz;
