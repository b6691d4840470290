package org.vitaleterminal.credential;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * Keeps {@link Covers} honest: records every reason a test asserted through
 * {@link Vt1Fixture#assertReason} and, after a test that otherwise passed, fails it if it did
 * not assert each reason its {@code @Covers} names.
 */
final class ReasonLedger implements BeforeTestExecutionCallback, AfterTestExecutionCallback {
    private static final ThreadLocal<EnumSet<Reason>> ASSERTED = ThreadLocal.withInitial(() -> EnumSet.noneOf(Reason.class));

    /** Called by the fixture when an assertion on a reason has passed. */
    static void asserted(Reason reason) {
        ASSERTED.get().add(reason);
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        ASSERTED.get().clear();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Covers covers = context.getRequiredTestMethod().getAnnotation(Covers.class);
        Set<Reason> asserted = EnumSet.copyOf(ASSERTED.get());
        ASSERTED.get().clear();
        if (covers == null || context.getExecutionException().isPresent()) {
            return;
        }
        for (Reason claimed : covers.value()) {
            if (!asserted.contains(claimed)) {
                throw new AssertionFailedError(context.getRequiredTestMethod().getName() + " claims to cover "
                        + claimed + " but asserted only " + asserted);
            }
        }
    }
}
