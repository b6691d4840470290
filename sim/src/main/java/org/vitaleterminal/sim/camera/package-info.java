/**
 * The simulated camera: {@link org.vitaleterminal.sim.camera.VirtualCamera}, a hal
 * {@code FrameSource} showing scripted QR codes ({@link org.vitaleterminal.sim.camera.QrScreen})
 * so the scan loop can be fed wallets' presentations without hardware.
 */
package org.vitaleterminal.sim.camera;
