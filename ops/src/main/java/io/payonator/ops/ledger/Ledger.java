package io.payonator.ops.ledger;

import io.payonator.ops.LedgerApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Map;

/**
 * An open ledger: the Spring application over one {@link LedgerLocation}, with the configuration
 * of its backend (the Spring profile the location names). A temporary ledger is deleted on close;
 * a persistent one stays for later imports and queries.
 */
public final class Ledger implements AutoCloseable {

    /** The Spring profile of {@code payonator serve}: web server, actuator, OpenAPI (application-serve.properties). */
    public static final String SERVE_PROFILE = "serve";

    /** The bean of the {@link LedgerLocation.WriterLock} this process holds. */
    private static final String WRITER_LOCK = "ledgerWriterLock";

    /** Whether the balance projection runs (see {@link LedgerConfiguration}). */
    static final String PROJECTION_AUTO_START = "payonator.projection.auto-start";

    /**
     * Spring Boot warms up Tomcat, Bean Validation and the web's message converters on a second
     * thread when their classes are present (they are, for the service). The command line uses none
     * of them, and on a small machine that thread takes the CPU from the start of every command.
     * Spring reads this as a system property only.
     */
    private static final String SKIP_BACKGROUND_PREINITIALIZER = "spring.backgroundpreinitializer.ignore";

    private final ConfigurableApplicationContext context;
    private final LedgerLocation location;
    private final LedgerLocation.WriterLock lock;

    private Ledger(ConfigurableApplicationContext context, LedgerLocation location, LedgerLocation.WriterLock lock) {
        this.context = context;
        this.location = location;
        this.lock = lock;
    }

    /** Opens (creating if needed) the ledger at {@code location}. */
    public static Ledger open(LedgerLocation location) {
        return start(commandLine(), location, location.lockForWriting(), Map.of());
    }

    /**
     * Opens the ledger at {@code location} for the command line as the member {@code node} of the
     * cluster that serves it: with a cluster node's share of the writer's lock, {@code properties}
     * that configure the cluster, and no balance projection: the nodes project what this process
     * stores ({@link ProjectionCatchUp} follows them through the token store). A projection here
     * would hold segments that a replay on a node resets.
     */
    public static Ledger openInCluster(LedgerLocation location, String node, Map<String, Object> properties) {
        Map<String, Object> clustered = new HashMap<>(properties);
        clustered.put(PROJECTION_AUTO_START, false);
        return start(commandLine(), location, location.lockForCluster(node), clustered);
    }

    /**
     * Opens the ledger at {@code location} to read its balances while another process writes it:
     * without the writer's lock, and without running the balance projection, which is the
     * writer's; the tables show what its projection has applied. Nothing is written.
     */
    public static Ledger openForReading(LedgerLocation location) {
        ReadOnly readOnly = new ReadOnly(location);
        return new Ledger(run(commandLine(), location, readOnly, Map.of(PROJECTION_AUTO_START, false)), location,
                readOnly);
    }

    private static SpringApplicationBuilder commandLine() {
        System.setProperty(SKIP_BACKGROUND_PREINITIALIZER, "true");
        return new SpringApplicationBuilder(LedgerApplication.class).web(WebApplicationType.NONE);
    }

    /**
     * Opens (creating if needed) the ledger at {@code location} as a web application: the
     * {@value #SERVE_PROFILE} profile and the {@code service} configuration class on top of the
     * ledger's own.
     */
    public static Ledger serve(LedgerLocation location, Class<?> service, Map<String, Object> properties) {
        return start(new SpringApplicationBuilder(LedgerApplication.class, service).web(WebApplicationType.SERVLET)
                .profiles(SERVE_PROFILE), location, location.lockForWriting(), properties);
    }

    /**
     * As {@link #serve}, as the node {@code node} of a cluster: with a cluster node's share of the
     * writer's lock, and {@code properties} that configure the cluster ({@code io.payonator.ops.cluster}).
     */
    public static Ledger serveInCluster(LedgerLocation location, String node, Class<?> service,
                                        Map<String, Object> properties) {
        Map<String, Object> clustered = new HashMap<>(properties);
        clustered.put(LedgerConfiguration.POOLED_PROPERTY, true);
        return start(new SpringApplicationBuilder(LedgerApplication.class, service).web(WebApplicationType.SERVLET)
                .profiles(SERVE_PROFILE), location, location.lockForCluster(node), clustered);
    }

    /**
     * A start that fails leaves no ledger it created behind. It is removed while the writer's lock
     * is still held, so no other process has it open.
     */
    private static Ledger start(SpringApplicationBuilder application, LedgerLocation location,
                                LedgerLocation.WriterLock lock, Map<String, Object> extra) {
        boolean created = !location.exists();
        try {
            if (created) {
                location.create();
            }
            return new Ledger(run(application, location, lock, extra), location, lock);
        } catch (RuntimeException e) {
            abandon(location, lock, created, e);
            if (!location.isStorageFailure(e)) {
                throw e;
            }
            throw new LedgerUnavailableException("could not open the ledger " + location + ": "
                    + location.describe(e), e);
        }
    }

    /** The ledger's Spring context: its backend's profile and connections, with {@code lock} as a bean. */
    private static ConfigurableApplicationContext run(SpringApplicationBuilder application, LedgerLocation location,
                                                      LedgerLocation.WriterLock lock, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(location.properties());
        properties.putAll(extra);
        return application
                .profiles(location.backend())
                .initializers(starting -> starting.getBeanFactory().registerSingleton(WRITER_LOCK, lock))
                .properties(properties)
                .registerShutdownHook(false)
                .run();
    }

    /** After a failed start: what it created goes, and the lock is released whatever happens. */
    private static void abandon(LedgerLocation location, LedgerLocation.WriterLock lock, boolean created,
                                RuntimeException failure) {
        try {
            if (created) {
                location.removeCreated();
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        } finally {
            lock.close();
        }
    }

    public <T> T get(Class<T> type) {
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public LedgerLocation location() {
        return location;
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            lock.close();
        }
        if (location.isTemporary()) {
            location.delete();
        }
    }

    /** A reader's stand-in for the writer's lock: it holds nothing, and allows no write. */
    private record ReadOnly(LedgerLocation location) implements LedgerLocation.WriterLock {

        @Override
        public void check() {
            throw new LedgerInUseException(location + " is open for reading only: another process writes it");
        }

        @Override
        public void close() {
        }
    }

    /** The ledger cannot be opened or prepared for use. */
    public static final class LedgerUnavailableException extends RuntimeException {
        LedgerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
