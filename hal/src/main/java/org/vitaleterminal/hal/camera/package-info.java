/**
 * Camera frames for the QR scan loop, as luma planes ({@link org.vitaleterminal.hal.camera.LumaFrame}).
 *
 * <p>The API is {@link org.vitaleterminal.hal.camera.FrameSource} (newest frame wins, status with
 * counters) and {@link org.vitaleterminal.hal.camera.FrameSources} (open one from a URI); the
 * providers live in sub-packages:
 * <ul>
 *   <li>{@code process}: any program writing raw frames to its standard output, supervised
 *       (stall detection, restart with {@link org.vitaleterminal.hal.Backoff});
 *   <li>{@code rpicam}: the Raspberry Pi camera through {@code rpicam-vid} (YUV420);
 *   <li>{@code v4l2}: USB webcams through {@code ffmpeg};
 *   <li>{@code replay}: pictures and videos replayed at a frame rate, and
 *       {@link org.vitaleterminal.hal.camera.replay.PacedFrameSource} for any scripted sequence
 *       of stills (the simulator's virtual camera uses it).
 * </ul>
 *
 * <p>Frames move between threads only through {@link org.vitaleterminal.hal.camera.FrameHandoff};
 * all timing goes through {@link org.vitaleterminal.hal.camera.CameraTime}; no static mutable state.
 */
package org.vitaleterminal.hal.camera;
