package org.vitaleterminal.credential;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The registry of which test produces which reason code: a test method annotated with
 * {@code @Covers(X)} claims that it verifies a payload and asserts the exact reason {@code X}.
 *
 * <p>The claim is checked twice: {@link ReasonLedger} fails the test if it passed without
 * asserting every reason it names, and {@link ReasonCoverageTest} fails if some
 * {@link Reason} is named by no enabled test.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Covers {
    Reason[] value();
}
