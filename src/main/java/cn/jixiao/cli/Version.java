package cn.jixiao.cli;

import picocli.CommandLine.IVersionProvider;

/** The version of the jar, as Maven wrote it into the manifest. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"jixiao " + (version == null ? "(development build)" : version)};
    }
}
