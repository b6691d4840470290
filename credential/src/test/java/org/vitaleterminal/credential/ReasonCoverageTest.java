package org.vitaleterminal.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Fails when a reason code of spec §5 has no test producing it. The registry is the
 * {@link Covers} annotation on the test methods of {@link #REGISTERED} (nested classes
 * included); {@link ReasonLedger} checks at run time that each such test really asserted the
 * reasons it names.
 */
class ReasonCoverageTest {
    static final List<Class<?>> REGISTERED = List.of(ReasonCodeTest.class, VerificationOrderTest.class,
            AcceptedPresentationTest.class, Vt1NegativeVectorsTest.class);

    /** Reason → "Class.method" of every enabled test that covers it. */
    static Map<Reason, TreeSet<String>> registry(Class<?> root) {
        Map<Reason, TreeSet<String>> registry = new EnumMap<>(Reason.class);
        for (Reason reason : Reason.values()) {
            registry.put(reason, new TreeSet<>());
        }
        List<Class<?>> classes = new ArrayList<>();
        collect(root, classes);
        for (Class<?> type : classes) {
            if (disabled(type)) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                Covers covers = method.getAnnotation(Covers.class);
                boolean isTest = method.isAnnotationPresent(Test.class) || method.isAnnotationPresent(ParameterizedTest.class);
                if (covers == null || !isTest || method.isAnnotationPresent(Disabled.class)) {
                    continue;
                }
                for (Reason reason : covers.value()) {
                    registry.get(reason).add(type.getName().substring(type.getPackageName().length() + 1) + "." + method.getName());
                }
            }
        }
        return registry;
    }

    private static void collect(Class<?> type, List<Class<?>> out) {
        out.add(type);
        for (Class<?> nested : type.getDeclaredClasses()) {
            collect(nested, out);
        }
    }

    private static boolean disabled(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (c.isAnnotationPresent(Disabled.class)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyReasonCodeHasATestProducingIt() {
        Map<Reason, TreeSet<String>> all = new EnumMap<>(Reason.class);
        for (Class<?> type : REGISTERED) {
            registry(type).forEach((reason, tests) -> all.computeIfAbsent(reason, r -> new TreeSet<>()).addAll(tests));
            assertTrue(type.isAnnotationPresent(ExtendWith.class), type + " must run under the ReasonLedger");
        }
        List<Reason> uncovered = new ArrayList<>();
        for (Reason reason : Reason.values()) {
            if (all.get(reason).isEmpty()) {
                uncovered.add(reason);
            }
        }
        assertEquals(List.of(), uncovered, "reason codes no enabled test produces");
    }

    @Test
    void theReasonCodeTestAloneHasAtLeastOneTestPerCode() {
        Map<Reason, TreeSet<String>> registry = registry(ReasonCodeTest.class);
        List<Reason> uncovered = new ArrayList<>();
        for (Reason reason : Reason.values()) {
            if (registry.get(reason).isEmpty()) {
                uncovered.add(reason);
            }
        }
        assertEquals(List.of(), uncovered);
    }

    @Test
    void everyRegisteredClassRunsUnderTheLedger() {
        for (Class<?> type : REGISTERED) {
            ExtendWith extendWith = type.getAnnotation(ExtendWith.class);
            assertTrue(extendWith != null && List.of(extendWith.value()).contains(ReasonLedger.class), type.getName());
        }
    }
}
