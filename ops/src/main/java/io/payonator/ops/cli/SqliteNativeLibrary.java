package io.payonator.ops.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * sqlite-jdbc's native library, kept in the directory the launcher names ({@value #DIRECTORY}, beside the
 * extracted application) and loaded from there. Left to itself, sqlite-jdbc copies the library (1 MB) out of
 * its jar into the temporary directory at every start, compares the copy byte by byte, runs {@code uname} to
 * name the platform and lists the temporary directory for stale copies. Without the property, or when the
 * directory cannot be written, sqlite-jdbc does as it always did.
 */
final class SqliteNativeLibrary {

    /** The system property that names the directory. */
    static final String DIRECTORY = "payonator.native-dir";

    private static final Logger log = LoggerFactory.getLogger(SqliteNativeLibrary.class);

    private SqliteNativeLibrary() {
    }

    /** Points sqlite-jdbc at the kept copy, extracting it first if it is missing. */
    static void useKeptCopy() {
        String directory = System.getProperty(DIRECTORY);
        if (directory == null || System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        Path library = Path.of(directory, name);
        try {
            if (!Files.isRegularFile(library)) {
                keep(library);
            }
        } catch (IOException e) {
            log.debug("sqlite-jdbc's native library cannot be kept in {} ({}): it copies its own", directory, e.toString());
            return;
        }
        System.setProperty("org.sqlite.lib.path", directory);
        System.setProperty("org.sqlite.lib.name", name);
        // where sqlite-jdbc looks for stale copies of its own at every start: none are made there
        System.setProperty("org.sqlite.tmpdir", directory);
    }

    /** Extracts the library; written under another name first, so that no process loads half a file. */
    private static void keep(Path library) throws IOException {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + library.getFileName();
        try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("sqlite-jdbc's jar has no " + resource);
            }
            Files.createDirectories(library.getParent());
            Path partial = Files.createTempFile(library.getParent(), library.getFileName().toString(), ".partial");
            try {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }
}
