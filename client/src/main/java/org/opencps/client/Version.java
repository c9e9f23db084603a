package org.opencps.client;

import picocli.CommandLine;

/** The version the jar was built as (from its manifest; "development" when run from classes). */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"opencps " + (version == null ? "development" : version)};
    }
}
