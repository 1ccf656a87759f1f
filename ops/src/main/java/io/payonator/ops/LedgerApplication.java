package io.payonator.ops;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** The Spring Boot application behind every command: command side, query side and their storage. */
@SpringBootApplication(scanBasePackages = "io.payonator")
@EntityScan("io.payonator.query")
@EnableJpaRepositories("io.payonator.query")
public class LedgerApplication {
}
