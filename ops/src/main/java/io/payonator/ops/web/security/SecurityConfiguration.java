package io.payonator.ops.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.payonator.ops.web.console.ConsolePaths;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who may do what: reads need the read role (anyone's with {@code --open-reads}), transactions the
 * write role, {@code /admin} the admin role. Health answers UP/DOWN to anyone, its details only
 * with a token; the OpenAPI document and Swagger UI are open (they hold no ledger data). Anything
 * else needs a token, so an unknown path tells an anonymous client nothing.
 *
 * <p>A bearer token authenticates one request. A browser signs in once ({@link SessionController})
 * and is then known by its session cookie; a session's unsafe requests need the CSRF token of its
 * sign-in, a bearer request does not (a browser never adds a bearer header by itself).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The properties {@code payonator serve} sets; see {@code LedgerService}. */
    public static final String TOKEN_PROPERTY = "payonator.serve.token";
    public static final String TOKENS_FILE_PROPERTY = "payonator.serve.tokens-file";
    public static final String TOKENS_PROPERTY = "payonator.serve.tokens";
    public static final String OPEN_READS_PROPERTY = "payonator.serve.open-reads";
    /** The environment variable {@link #TOKENS_PROPERTY} comes from. */
    public static final String TOKENS_VARIABLE = "PAYONATOR_TOKENS";

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final String[] READS = Stream.concat(
            Stream.of("/accounts", "/accounts/**", "/transactions/*", "/actuator/prometheus"),
            Stream.of(ConsolePaths.PAGES)).toArray(String[]::new);

    @Bean
    Tokens tokens(@Value("${" + TOKEN_PROPERTY + ":}") String token,
                  @Value("${" + TOKENS_FILE_PROPERTY + ":}") String tokensFile,
                  @Value("${" + TOKENS_PROPERTY + ":}") String tokens) {
        List<StoredToken> stored = new ArrayList<>();
        if (!tokensFile.isEmpty()) {
            stored.addAll(TokenFile.read(Path.of(tokensFile)));
        }
        if (!tokens.isBlank()) {
            stored.addAll(TokenFile.parse(tokens, TOKENS_VARIABLE));
        }
        return new Tokens(token, stored);
    }

    /**
     * No observation of each security filter, authentication and authorization: recording them as
     * meters was about a tenth of a request's CPU, for figures that {@code http.server.requests}
     * (by status and URI) already gives. Refused requests are counted there, and audited.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    TokenAuthenticationProvider tokenAuthentication(Tokens tokens) {
        return new TokenAuthenticationProvider(tokens, new TokenThrottle(Clock.systemUTC()));
    }

    @Bean
    HttpSessionCsrfTokenRepository csrfTokens() {
        HttpSessionCsrfTokenRepository repository = new HttpSessionCsrfTokenRepository();
        repository.setHeaderName(SecurityProblems.CSRF_HEADER);
        return repository;
    }

    /**
     * Keeps a signed-in browser's authentication in its session, and makes no session of its own:
     * Spring Security would otherwise save every bearer request's authentication in a new session,
     * and answer it with a cookie it never needed. Only a sign-in makes a session.
     */
    @Bean
    HttpSessionSecurityContextRepository sessionContexts() {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setAllowSessionCreation(false);
        return repository;
    }

    @Bean
    SecurityFilterChain service(HttpSecurity http, TokenAuthenticationProvider tokens,
                                HttpSessionCsrfTokenRepository csrfTokens,
                                HttpSessionSecurityContextRepository sessionContexts,
                                @Value("${" + OPEN_READS_PROPERTY + ":false}") boolean openReads) throws Exception {
        if (openReads) {
            log.warn("reads are open to anyone who can reach the service (--open-reads)");
        }
        SecurityProblems problems = new SecurityProblems();
        return http
                .authorizeHttpRequests(rules -> rules(rules, openReads))
                .addFilterBefore(new TokenAuthenticationFilter(new ProviderManager(tokens), problems), CsrfFilter.class)
                .securityContext(context -> context.securityContextRepository(sessionContexts))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::sessionAction))
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(new BrowserSignIn(problems))
                        .accessDeniedHandler(problems))
                // a refused request is not kept to be resumed after a sign-in: that would need a session
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }

    private static void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
                                      rules, boolean openReads) {
        rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/error").permitAll()
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                        "/swagger-ui.html", "/swagger-ui/**").permitAll()
                .requestMatchers(HttpMethod.POST, SessionController.PATH).permitAll()
                // the console's sign-in page and its style sheet and script hold no ledger data
                .requestMatchers(HttpMethod.GET, ConsolePaths.SIGN_IN, ConsolePaths.ASSETS).permitAll()
                .requestMatchers(HttpMethod.POST, "/admin/**").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/transactions").hasRole(Role.WRITE.name());
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.HEAD)) {
            var reads = rules.requestMatchers(method, READS);
            if (openReads) {
                reads.permitAll();
            } else {
                reads.hasRole(Role.READ.name());
            }
        }
        rules.anyRequest().authenticated();
    }

    /**
     * Only a signed-in browser's unsafe requests carry an ambient credential (its cookie) that
     * another site could make it send; only they need the CSRF token. The session must exist: a
     * made-up cookie gets no CSRF check, and no session either.
     */
    private static boolean sessionAction(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod())
                && TokenAuthenticationFilter.bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION)) == null
                && request.getSession(false) != null;
    }
}
