package io.payonator.ops.ledger.postgres;

import io.payonator.ops.ledger.EventStoreConnections;
import io.payonator.ops.ledger.LedgerLocation;
import io.payonator.ops.ledger.ProjectionReadConnections;
import io.payonator.ops.ledger.StorageBackend;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.sql.Connection;
import java.util.Properties;

/**
 * A ledger in a PostgreSQL database (profile {@value PostgresLocation#BACKEND}; properties in
 * {@code application-postgresql.properties}, schema in {@code db/migration/postgresql}): Axon's
 * JDBC event store and token store as they are, with pooled connections (HikariCP).
 */
@Configuration(proxyBeanMethods = false)
@Profile(PostgresLocation.BACKEND)
public class PostgresStorageConfiguration {

    private static final String READ_ONLY = "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";

    @Bean(destroyMethod = "close")
    public EventStoreConnections eventStoreConnections(@Value("${payonator.postgres.url}") String url,
                                                       @Value("${" + PostgresLocation.PASSWORD_PROPERTY + ":#{null}}") String password) {
        Properties properties = PostgresLocation.connectionProperties(password, "events");
        // bytea in binary from a statement's first execution, not as hex text decoded in Java: a client's
        // snapshot of a million deposits is some 18 MB (the driver's default switches after five runs)
        properties.setProperty("prepareThreshold", "-1");
        return new EventStoreConnections(url, properties, null);
    }

    /** Repeatable read: a read transaction sees one snapshot, so a page and its total agree. */
    @Bean(destroyMethod = "close")
    public ProjectionReadConnections projectionReadConnections(@Value("${payonator.postgres.url}") String url,
                                                               @Value("${" + PostgresLocation.PASSWORD_PROPERTY + ":#{null}}") String password) {
        return new ProjectionReadConnections(url, PostgresLocation.connectionProperties(password, "reads"), READ_ONLY,
                Connection.TRANSACTION_REPEATABLE_READ);
    }

    @Bean
    public StorageBackend storageBackend(@Value("${payonator.postgres.url}") String url,
                                         @Value("${" + PostgresLocation.PASSWORD_PROPERTY + ":#{null}}") String password,
                                         LedgerLocation.WriterLock writerLock) {
        return new PostgresBackend(url, PostgresLocation.connectionProperties(password, "import"), writerLock);
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresPersistenceExceptionResolver();
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(new TokenSchema())
                .serializer(serializer)
                .build();
    }
}
