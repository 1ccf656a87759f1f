package io.payonator.ops.ledger;

import io.payonator.ops.LedgerApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An open ledger: the Spring application running over one SQLite file. A temporary ledger lives
 * in a fresh file that is deleted on close; a persistent one stays for later imports and queries.
 */
public final class Ledger implements AutoCloseable {

    /** The Spring profile of {@code payonator serve}: web server, actuator, OpenAPI (application-serve.properties). */
    public static final String SERVE_PROFILE = "serve";

    /**
     * Spring Boot warms up Tomcat, Bean Validation and the web's message converters on a second
     * thread when their classes are present (they are, for the service). The command line uses none
     * of them, and on a small machine that thread takes the CPU from the start of every command.
     * Spring reads this as a system property only.
     */
    private static final String SKIP_BACKGROUND_PREINITIALIZER = "spring.backgroundpreinitializer.ignore";

    private final ConfigurableApplicationContext context;
    private final Path file;
    private final boolean temporary;
    private final LedgerLock lock;

    private Ledger(ConfigurableApplicationContext context, Path file, boolean temporary, LedgerLock lock) {
        this.context = context;
        this.file = file;
        this.temporary = temporary;
        this.lock = lock;
    }

    /** Opens (creating if needed) the ledger stored in {@code file}. */
    public static Ledger open(Path file) {
        return start(commandLine(), file, false, Map.of());
    }

    private static SpringApplicationBuilder commandLine() {
        System.setProperty(SKIP_BACKGROUND_PREINITIALIZER, "true");
        return new SpringApplicationBuilder(LedgerApplication.class).web(WebApplicationType.NONE);
    }

    /**
     * Opens (creating if needed) the ledger stored in {@code file} as a web application: the
     * {@value #SERVE_PROFILE} profile and the {@code service} configuration class on top of the
     * ledger's own.
     */
    public static Ledger serve(Path file, Class<?> service, Map<String, Object> properties) {
        return start(new SpringApplicationBuilder(LedgerApplication.class, service).web(WebApplicationType.SERVLET)
                .profiles(SERVE_PROFILE), file, false, properties);
    }

    /** Opens a new ledger in a temporary file, deleted on close. */
    public static Ledger openTemporary() throws IOException {
        Path file = Files.createTempFile("payonator-", ".db");
        // a throwaway ledger need not survive a power loss: skip the syncs
        return start(commandLine(), file, true,
                Map.of("payonator.sqlite.synchronous", "OFF", "payonator.sqlite.projection-synchronous", "OFF"));
    }

    /**
     * A start that fails leaves no ledger file it created behind (a temporary one not even its lock
     * file). The files are removed while the lock is still held, so no other process has them open.
     */
    private static Ledger start(SpringApplicationBuilder application, Path file, boolean temporary,
                                Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("payonator.db", file.toAbsolutePath().toString());
        LedgerLock lock = LedgerLock.acquire(file);
        boolean created = temporary || !Files.exists(file);
        try {
            if (created) {
                createOwnerOnly(file);
            }
            ConfigurableApplicationContext context = application
                    .properties(properties)
                    .registerShutdownHook(false)
                    .run();
            return new Ledger(context, file, temporary, lock);
        } catch (RuntimeException e) {
            abandon(file, lock, created, temporary, e);
            if (SqliteFailures.isSqlite(e)) {
                throw new LedgerUnavailableException("could not open the ledger " + file + ": "
                        + SqliteFailures.describe(e), e);
            }
            throw e;
        }
    }

    private static void createOwnerOnly(Path file) {
        try {
            OwnerOnly.createFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the ledger " + file + ": " + e.getMessage(), e);
        }
    }

    /** After a failed start: the files it created go, and the lock is released whatever happens. */
    private static void abandon(Path file, LedgerLock lock, boolean created, boolean temporary, RuntimeException failure) {
        try {
            if (created) {
                deleteDatabase(file);
            }
        } catch (UncheckedIOException e) {
            failure.addSuppressed(e);
        } finally {
            lock.close();
        }
        if (temporary) {
            try {
                delete(Path.of(file + LedgerLock.SUFFIX));
            } catch (UncheckedIOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    public <T> T get(Class<T> type) {
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            lock.close();
        }
        if (temporary) {
            deleteFiles(file);
        }
    }

    /** The ledger's file cannot be opened or prepared for use. */
    public static final class LedgerUnavailableException extends RuntimeException {
        LedgerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Deletes a ledger file with its SQLite companions (write-ahead log, shared memory, journal) and its lock file. */
    public static void deleteFiles(Path file) {
        deleteDatabase(file);
        delete(Path.of(file + LedgerLock.SUFFIX));
    }

    private static void deleteDatabase(Path file) {
        for (String suffix : new String[]{"", "-wal", "-shm", "-journal"}) {
            delete(Path.of(file + suffix));
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete ledger file " + file, e);
        }
    }
}
