package org.vitaleterminal.hal.scanner;

/**
 * What a scanner source saw since it started.
 *
 * @param lines           complete lines delivered
 * @param droppedOverlong lines dropped because they went past the length limit
 * @param droppedGarbled  lines dropped because a key or byte could not be read as text, events
 *                        were lost, or the device went away in the middle of the line
 * @param reconnects      times the device was opened again after it went away or failed to open
 */
public record ScannerCounts(long lines, long droppedOverlong, long droppedGarbled, long reconnects) {}
