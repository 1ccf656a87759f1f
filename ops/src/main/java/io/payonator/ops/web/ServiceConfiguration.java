package io.payonator.ops.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The ledger as a web service ({@code payonator serve}): the controllers, the write path and its
 * token, metrics and health. Added to the ledger's application only when serving; the command
 * line's context never scans this package.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = ServiceConfiguration.class)
@OpenAPIDefinition(info = @Info(title = "Payonator ledger", version = "0.1",
        description = "Balances and history of an event-sourced payments ledger, and online intake of transactions."
                + " Reads are open; writes need the service's bearer token."))
@SecurityScheme(name = ServiceConfiguration.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The token given to payonator serve (--token or PAYONATOR_TOKEN)")
public class ServiceConfiguration implements WebMvcConfigurer {

    static final String BEARER = "bearer";
    /** The property the serve command puts the token in. */
    public static final String TOKEN_PROPERTY = "payonator.serve.token";

    private final String token;
    private final ServiceReplay replay;

    ServiceConfiguration(@Value("${" + TOKEN_PROPERTY + "}") String token, ServiceReplay replay) {
        this.token = token;
        this.replay = replay;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new BearerTokenCheck(token));
        registry.addInterceptor(new QueryStringCheck());
        registry.addInterceptor(new SnapshotHeader(replay));
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        // after Jackson's: JSON stays the default, text/csv is there for who asks for it
        converters.add(new AccountsCsvConverter());
    }
}
