package io.payonator.ops.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import io.payonator.ops.web.console.ConsolePaths;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.net.URI;
import java.util.List;

/**
 * The ledger as a web service ({@code payonator serve}): the controllers, the write path, who may
 * do what ({@code web.security}), metrics and health. Added to the ledger's application only when
 * serving; the command line's context never scans this package.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = ServiceConfiguration.class)
@OpenAPIDefinition(info = @Info(title = "Payonator ledger", version = "0.1",
        description = "Balances and history of an event-sourced payments ledger, and online intake of transactions."
                + " Every call but health and this document needs a bearer token: reads the read role (unless the"
                + " service runs with --open-reads), transactions the write role, /admin the admin role."
                + " Terms: a point is a position in the event store, its global sequence from 1; the ledger as of"
                + " point P is the state after exactly the events at positions up to P, and a row is at the position"
                + " of its outcome event. A time stands for the last position recorded at or before it. A position,"
                + " once reported, keeps its meaning. The operator console is at /."))
@SecurityScheme(name = ServiceConfiguration.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A token given to payonator serve (--token, --tokens FILE, PAYONATOR_TOKEN, PAYONATOR_TOKENS)")
public class ServiceConfiguration implements WebMvcConfigurer {

    static final String BEARER = "bearer";
    /** The address the service is reached at from outside, for the OpenAPI document; see {@link #openApi}. */
    public static final String PUBLIC_URL_PROPERTY = "payonator.serve.public-url";

    private final ServiceReplay replay;

    ServiceConfiguration(ServiceReplay replay) {
        this.replay = replay;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // the console's forms send their empty fields (an empty search box): they read them as absent
        registry.addInterceptor(new QueryStringCheck()).excludePathPatterns(ConsolePaths.PAGES);
        registry.addInterceptor(new SnapshotHeader(replay));
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                // a copy: the context's ObjectMapper also reads stored events, which may carry fields
                // an earlier version wrote; a request body may not (a misspelt "Type" is a mistake)
                json.setObjectMapper(json.getObjectMapper().copy()
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
            }
        }
        // after Jackson's: JSON stays the default, text/csv is there for who asks for it
        converters.add(new AccountsCsvConverter());
    }

    /**
     * The OpenAPI document's server is {@code --public-url}, or, without it, {@code /}: relative to
     * the document, which is right whatever address the client used. Never the request's
     * {@code Host} header, which any client may set to anything.
     */
    @Bean
    OpenAPI openApi(@Value("${" + PUBLIC_URL_PROPERTY + ":}") String publicUrl) {
        return new OpenAPI().servers(List.of(publicUrl.isEmpty()
                ? new Server().url("/").description("relative to this document (serve --public-url not given)")
                : new Server().url(publicUrl)));
    }

    @Bean
    RequestBodyLimits requestBodyLimits() {
        return new RequestBodyLimits();
    }

    @Bean
    RequestTrail requestTrail() {
        return new RequestTrail();
    }

    @Bean
    OneWriteAnswers oneWriteAnswers() {
        return new OneWriteAnswers();
    }

    @Bean
    FixedOrigin fixedOrigin(@Value("${" + PUBLIC_URL_PROPERTY + ":}") String publicUrl) {
        return new FixedOrigin(publicUrl.isEmpty() ? null : URI.create(publicUrl));
    }
}
