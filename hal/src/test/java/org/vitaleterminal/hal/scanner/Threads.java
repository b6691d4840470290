package org.vitaleterminal.hal.scanner;

/** Leak checks: is a thread of that name still alive? */
public final class Threads {
    private Threads() {}

    public static boolean alive(String namePrefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith(namePrefix));
    }
}
