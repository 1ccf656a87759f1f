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
 * {@code @SpringBootApplication}, spelled out to scan only the packages that hold beans: Spring reads
 * every class file under a scanned package at each start, and the others (the web package, the command
 * line, the messages, the CSV reader: two thirds of the classes) hold none; reading them was a twentieth
 * of a small import's start. {@code LedgerApplicationScanTest} fails when a bean is added elsewhere. The
 * service's beans are added only by {@code payonator serve} ({@code io.payonator.ops.web.ServiceConfiguration}).
 * The query side's repositories are bootstrapped deferred: this annotation's mode, not Spring Boot's
 * {@code spring.data.jpa.repositories.bootstrap-mode}, applies to them, and only a deferred mode lets
 * Hibernate start on a thread of its own ({@code LedgerConfiguration.jpaBootstrapOnItsOwnThread}) while
 * Axon and the rest of the context start on the main one.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"io.payonator.command", "io.payonator.query", "io.payonator.ops.ledger",
        "io.payonator.ops.importer", "io.payonator.ops.history", "io.payonator.ops.cluster"}, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
@EntityScan("io.payonator.query")
@EnableJpaRepositories(basePackages = "io.payonator.query", bootstrapMode = BootstrapMode.DEFERRED)
public class LedgerApplication {
}
