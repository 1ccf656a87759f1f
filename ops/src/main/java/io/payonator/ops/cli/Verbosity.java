package io.payonator.ops.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * How much a run says on standard error: {@code --quiet} only errors, by default what the operator
 * acts on (warnings, the summary, this run's rejections), {@code --verbose} also the steps of the
 * run (INFO), {@code --debug} everything the ledger logs, with stack traces. Set on logback for
 * each run: the in-process tests run many commands in one JVM.
 */
enum Verbosity {
    QUIET(Level.ERROR, Level.ERROR),
    NORMAL(Level.WARN, Level.ERROR),
    VERBOSE(Level.INFO, Level.ERROR),
    DEBUG(Level.DEBUG, Level.INFO);

    private static final String OWN_LOGGERS = "io.payonator";
    /** Lines a user reads: the message alone, never a stack trace (the command says what failed in one line). */
    private static final String USER_PATTERN = Console.PREFIX + "%msg%n%nopex";
    /** Lines someone debugging or running a service reads: when, how serious, from where. */
    private static final String DETAILED_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} [%thread] - %msg%n";
    private static final String SERVICE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";
    /**
     * Spring logs a failed start at length (the whole chain of bean creation errors); the command
     * reports the failure itself, in one line.
     */
    private static final String[] FAILED_START_LOGGERS = {
            "org.springframework.boot.SpringApplication", "org.springframework.context"};
    private static final String TOMCAT = "org.springframework.boot.web.embedded.tomcat";
    /** Spring 6.2 warns of annotations in Axon's jars it will stop reading in Spring 7: nothing an operator can do. */
    private static final String SPRING_ANNOTATIONS = "org.springframework.core.annotation";

    private final Level own;
    private final Level others;

    Verbosity(Level own, Level others) {
        this.own = own;
        this.others = others;
    }

    /** For a command that runs and ends: user-facing lines. */
    void applyToCommand() {
        LoggerContext context = context();
        routeJavaUtilLogging();
        level(context, Logger.ROOT_LOGGER_NAME, others);
        level(context, OWN_LOGGERS, own);
        for (String logger : FAILED_START_LOGGERS) {
            level(context, logger, this == DEBUG ? Level.INFO : Level.OFF);
        }
        level(context, TOMCAT, null);
        level(context, SPRING_ANNOTATIONS, Level.ERROR);
        pattern(context, this == DEBUG ? DETAILED_PATTERN : USER_PATTERN);
    }

    /** For {@code serve}: a service's log, with times; by default also what it is doing (INFO). */
    void applyToService() {
        LoggerContext context = context();
        routeJavaUtilLogging();
        boolean quiet = this == QUIET;
        level(context, Logger.ROOT_LOGGER_NAME, quiet ? Level.ERROR : this == DEBUG ? Level.INFO : Level.WARN);
        level(context, OWN_LOGGERS, quiet ? Level.ERROR : this == DEBUG ? Level.DEBUG : Level.INFO);
        for (String logger : FAILED_START_LOGGERS) {
            level(context, logger, this == DEBUG ? Level.INFO : Level.OFF);
        }
        level(context, TOMCAT, quiet ? Level.ERROR : Level.INFO);
        level(context, SPRING_ANNOTATIONS, Level.ERROR);
        pattern(context, this == DEBUG ? DETAILED_PATTERN : SERVICE_PATTERN);
    }

    /**
     * Tomcat logs through java.util.logging, which would print its own two-line records: sent
     * through SLF4J instead, as Spring Boot's logging system (turned off for the command line) does.
     */
    private static void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    private static void level(LoggerContext context, String logger, Level level) {
        context.getLogger(logger).setLevel(level);
    }

    /** Replaces the pattern of the console appender of logback.xml; another configuration is left alone. */
    private static void pattern(LoggerContext context, String pattern) {
        Appender<ILoggingEvent> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        if (!(appender instanceof OutputStreamAppender<ILoggingEvent> console)) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        console.stop();
        console.setEncoder(encoder);
        console.start();
    }
}
