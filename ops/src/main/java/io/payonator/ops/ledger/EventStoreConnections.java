package io.payonator.ops.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.util.Properties;

/**
 * The event store's own connections to the ledger, apart from the query side's. The
 * projection reading events never waits for its own writes, and the command side appending events
 * never waits for a projection batch to be processed, only (briefly) for its commit.
 * Not a {@code DataSource} bean, so Spring Boot still configures the query side's as the primary one.
 */
public final class EventStoreConnections implements AutoCloseable {

    private static final int POOL_SIZE = 4;

    private final HikariDataSource dataSource;
    private final DataSourceTransactionManager platformTransactionManager;
    private final TransactionManager transactionManager;

    /** @param initSql run on each new connection; {@code null} for none */
    public EventStoreConnections(String url, Properties properties, String initSql) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("events");
        config.setJdbcUrl(url);
        config.setDataSourceProperties(properties);
        config.setConnectionInitSql(initSql);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(600_000);
        dataSource = new HikariDataSource(config);
        platformTransactionManager = new DataSourceTransactionManager(dataSource);
        transactionManager = new SpringTransactionManager(platformTransactionManager);
    }

    public ConnectionProvider connectionProvider() {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public PlatformTransactionManager platformTransactionManager() {
        return platformTransactionManager;
    }

    public TransactionManager transactionManager() {
        return transactionManager;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
