package dev.voxloop.speech.audio;

/** Container formats recognised by their leading bytes. */
public enum AudioFormat {
    WAV, OGG, WEBM, OTHER;

    public static AudioFormat sniff(byte[] b) {
        if (b.length >= 12 && ascii(b, 0, "RIFF") && ascii(b, 8, "WAVE")) {
            return WAV;
        }
        if (b.length >= 4 && ascii(b, 0, "OggS")) {
            return OGG;
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0x1A && (b[1] & 0xff) == 0x45 && (b[2] & 0xff) == 0xDF
                && (b[3] & 0xff) == 0xA3) {
            return WEBM;
        }
        return OTHER;
    }

    private static boolean ascii(byte[] b, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (b[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
