package dev.voxloop.core.intake;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Session ids as existing clients expect them: 12 lower-case hex characters, unguessable. */
public final class IntakeIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private IntakeIds() {
    }

    public static String next() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
