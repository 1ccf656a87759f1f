package io.payonator.ops.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * {@code --version}: the version and the commit the jar was built from, which Maven writes into the
 * jar ({@value #BUILD_INFO} by Spring Boot's plugin, {@value #GIT} by git-commit-id, which writes
 * nothing when the sources are not a git clone).
 */
final class VersionProvider implements IVersionProvider {

    static final String BUILD_INFO = "META-INF/build-info.properties";
    static final String GIT = "git.properties";

    @Override
    public String[] getVersion() {
        Properties build = load(BUILD_INFO);
        Properties git = load(GIT);
        // the man page's footer shows the first line only
        return new String[]{"payonator " + build.getProperty("build.version", "(version unknown)"), commit(git)};
    }

    private static String commit(Properties git) {
        String commit = git.getProperty("git.commit.id.abbrev");
        if (commit == null || commit.isBlank()) {
            return "commit unknown (built outside a git clone)";
        }
        String time = git.getProperty("git.commit.time", "");
        String dirty = Boolean.parseBoolean(git.getProperty("git.dirty")) ? " with uncommitted changes" : "";
        return "commit " + commit + dirty + (time.isBlank() ? "" : " of " + time);
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the jar", e);
        }
        return properties;
    }
}
