package org.vitaleterminal.dist.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.vitaleterminal.sim.camera.VirtualCamera;
import org.vitaleterminal.sim.wallet.Wallet;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * The stream of phones the demo's virtual camera sees, in a loop: each wallet draws a fresh
 * presentation when its phone comes up (what a wallet app does), and one patient shows a
 * screenshot — the very text another phone showed a few scenarios earlier, which the terminal
 * must refuse as {@code REPLAYED}. Each screen is announced on the console when it comes up.
 */
public final class CameraScript {
    private CameraScript() {}

    public static VirtualCamera build(DemoCast cast, DemoPace pace, Clock clock, SecureRandom random, DemoConsole console) {
        SampleWorld world = cast.world();
        AtomicReference<String> screenshot = new AtomicReference<>();
        Screens screens = new Screens(pace, console);
        screens.show("Marie DUPONT shows her wallet", () -> {
            String text = fresh(world.singleAdult(), clock, random, 0);
            screenshot.set(text); // someone will photograph it...
            return text;
        });
        screens.show("Thomas DURAND shows the family wallet, Léa chosen",
                () -> fresh(world.family(), clock, random, DemoCast.FAMILY_MEMBER_SHOWN));
        screens.show("Bernard PETIT: valid credential, rights closed",
                () -> fresh(world.closedRights(), clock, random, 0));
        screens.show("Sophie MOREAU: credential expired 10 days ago",
                () -> fresh(world.expired(), clock, random, 0));
        screens.show("Antoine LEFEBVRE: credential revoked", () -> fresh(world.revoked(), clock, random, 0));
        screens.show("a screenshot of Marie DUPONT's code, shown again", screenshot::get);
        screens.show("a credential signed by an unknown issuer key",
                () -> fresh(cast.unknownIssuer(), clock, random, 0));
        screens.show("an EU Digital COVID Certificate (HC1:)", cast::hc1);
        return screens.camera.loop(true).build();
    }

    private static String fresh(Wallet wallet, Clock clock, SecureRandom random, int beneficiary) {
        return wallet.presentQr(clock.instant(), random, beneficiary);
    }

    /** Appends "phone shown, then an empty view" pairs, each announced when it comes up. */
    private static final class Screens {
        final VirtualCamera.Builder camera;
        private final DemoPace pace;
        private final DemoConsole console;

        Screens(DemoPace pace, DemoConsole console) {
            this.pace = pace;
            this.console = console;
            this.camera = VirtualCamera.builder().size(640, 480).moduleSize(3).fps(pace.fps());
        }

        void show(String what, Supplier<String> text) {
            camera.show(() -> {
                console.info("camera  ▶ " + what);
                return text.get();
            }, pace.shownFrames()).blank(pace.gapFrames());
        }
    }
}
