package io.payonator.ops.ledger.sqlite;

import io.payonator.ops.ledger.EventStoreConnections;
import io.payonator.ops.ledger.ProjectionReadConnections;
import io.payonator.ops.ledger.StorageBackend;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.sql.Connection;
import java.util.Properties;

/**
 * A ledger in one SQLite file (profile {@value SqliteLocation#BACKEND}; properties in
 * {@code application-sqlite.properties}, schema in {@code db/migration/sqlite}): the event store's
 * pool, the service's read-only connections, and what Axon's JDBC components need told about
 * SQLite (its unique-key errors, a token store without {@code SELECT ... FOR UPDATE}).
 */
@Configuration(proxyBeanMethods = false)
@Profile(SqliteLocation.BACKEND)
public class SqliteStorageConfiguration {

    private static final String READ_ONLY = "PRAGMA query_only = true";

    @Bean(destroyMethod = "close")
    public EventStoreConnections eventStoreConnections(@Value("${payonator.sqlite.url}") String url,
                                                       @Value("${payonator.sqlite.init-sql}") String initSql) {
        return new EventStoreConnections(url, new Properties(), initSql);
    }

    /** The service's reads of the query tables; unused by the command line, which opens none of its connections. */
    @Bean(destroyMethod = "close")
    public ProjectionReadConnections projectionReadConnections(@Value("${payonator.sqlite.read-url}") String url) {
        // SQLite's read transactions are serialisable: each sees one snapshot of the file
        return new ProjectionReadConnections(url, new Properties(), READ_ONLY, Connection.TRANSACTION_SERIALIZABLE);
    }

    @Bean
    public StorageBackend storageBackend(@Value("${payonator.sqlite.url}") String url,
                                         @Value("${payonator.sqlite.init-sql}") String initSql,
                                         @Value("${payonator.import.busy-timeout-ms:5000}") int busyTimeoutMillis) {
        return new SqliteBackend(url, initSql, busyTimeoutMillis);
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SqlitePersistenceExceptionResolver();
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return new SqliteTokenStore(SqliteTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(new TokenSchema())
                .serializer(serializer));
    }
}
