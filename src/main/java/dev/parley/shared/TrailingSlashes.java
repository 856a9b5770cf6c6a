package dev.parley.shared;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.UrlHandlerFilter;

/**
 * An address typed with a trailing slash ({@code /inbox/}, {@code /knowledge/}) is sent on to the one without
 * (308, the method and query kept) instead of a "not found" page: Spring matches paths exactly since 6.0.
 */
@Configuration(proxyBeanMethods = false)
class TrailingSlashes {

    @Bean
    FilterRegistrationBean<UrlHandlerFilter> trailingSlashRedirect() {
        var registration = new FilterRegistrationBean<>(UrlHandlerFilter.trailingSlashHandler("/**")
                .redirect(HttpStatus.PERMANENT_REDIRECT).build());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
