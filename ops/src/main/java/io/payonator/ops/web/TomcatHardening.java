package io.payonator.ops.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tomcat's side of the service's bounds that properties cannot set: {@link UnreadBodyValve} on the
 * engine (around everything, error pages included), and a document root inside the service's own
 * folder ({@code server.tomcat.basedir}, which {@code LedgerService} creates and deletes), so that
 * Tomcat neither makes a {@code tomcat-docbase} folder in the temporary folder nor takes a
 * {@code public} or {@code static} folder of the working directory for one.
 */
@Component
class TomcatHardening implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final String baseDirectory;

    TomcatHardening(@Value("${server.tomcat.basedir:}") String baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addEngineValves(new UnreadBodyValve());
        if (!baseDirectory.isEmpty()) {
            factory.setDocumentRoot(emptyFolder(Path.of(baseDirectory, "docroot")).toFile());
        }
    }

    private static Path emptyFolder(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the web server's document root " + folder, e);
        }
    }
}
