package io.payonator.ops;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.repository.config.BootstrapMode;

/**
 * The Spring Boot application behind every command: command side, query side and their storage.
 * {@code @SpringBootApplication}, spelled out to leave the web package out of the scan: the
 * service's beans are added only by {@code payonator serve} ({@code io.payonator.ops.web.ServiceConfiguration}).
 * The query side's repositories are bootstrapped deferred: this annotation's mode, not Spring Boot's
 * {@code spring.data.jpa.repositories.bootstrap-mode}, applies to them, and only a deferred mode lets
 * Hibernate start on a thread of its own ({@code LedgerConfiguration.jpaBootstrapOnItsOwnThread}) while
 * Axon and the rest of the context start on the main one.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "io.payonator", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.payonator\\.ops\\.web\\..*")})
@EntityScan("io.payonator.query")
@EnableJpaRepositories(basePackages = "io.payonator.query", bootstrapMode = BootstrapMode.DEFERRED)
public class LedgerApplication {
}
