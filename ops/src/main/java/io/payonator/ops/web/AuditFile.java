package io.payonator.ops.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends the audit trail ({@link RequestTrail}) to a file of its own as well, when
 * {@code payonator.audit.file} is set (the environment variable {@code PAYONATOR_AUDIT_FILE}):
 * appended to, one line per action, each line with its full time. Done here rather than in
 * logback-spring.xml, which cannot leave an appender out when its file is not given.
 */
@Component
class AuditFile implements DisposableBean {

    private final FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender;

    AuditFile(@Value("${payonator.audit.file:}") String file) {
        // the trail is written whatever the log's verbosity: the command line sets logback's levels
        // itself (Spring Boot's logging system is off there), which would leave it at WARN
        audit((LoggerContext) LoggerFactory.getILoggerFactory()).setLevel(Level.INFO);
        if (file.isBlank()) {
            appender = null;
            return;
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("audit-file");
        appender.setFile(file);
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        audit(context).addAppender(appender);
    }

    @Override
    public void destroy() {
        if (appender != null) {
            audit((LoggerContext) LoggerFactory.getILoggerFactory()).detachAppender(appender);
            appender.stop();
        }
    }

    private static Logger audit(LoggerContext context) {
        return context.getLogger(RequestTrail.AUDIT_LOGGER);
    }
}
