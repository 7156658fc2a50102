package dev.voxloop.app.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (set by the build), else "dev". */
public final class VersionProvider implements IVersionProvider {

    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"voxloop " + version(), "Java " + Runtime.version()};
    }
}
