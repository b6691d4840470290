package org.vitaleterminal.dist.demo;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The terminal's INFO logs say what the demo's event lines already say, in a less readable form;
 * for the demo's length they are raised to WARNING (faults still show), then put back as they
 * were. The loggers are held here: java.util.logging keeps only weak references to them, and a
 * level set on a collected logger is lost.
 */
public final class QuietLogs {
    private static final List<String> NAMES = List.of("org.vitaleterminal", "io.moquette", "io.netty");

    private final List<Logger> loggers;
    private final List<Level> levels;

    private QuietLogs(List<Logger> loggers, List<Level> levels) {
        this.loggers = loggers;
        this.levels = levels;
    }

    public static QuietLogs install() {
        List<Logger> loggers = NAMES.stream().map(Logger::getLogger).toList();
        List<Level> levels = loggers.stream().map(Logger::getLevel).toList(); // null: inherited
        loggers.forEach(logger -> logger.setLevel(Level.WARNING));
        return new QuietLogs(loggers, levels);
    }

    public void restore() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).setLevel(levels.get(i));
        }
    }
}
