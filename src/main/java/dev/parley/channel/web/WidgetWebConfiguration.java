package dev.parley.channel.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Web wiring of the widget: CORS for the widget API only, limited to the configured origins. */
@Configuration(proxyBeanMethods = false)
class WidgetWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ClientContextResolver());
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(WidgetSettings settings) {
        CorsConfiguration widget = new CorsConfiguration();
        widget.setAllowedOriginPatterns(settings.allowedOrigins());
        widget.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        widget.setAllowedHeaders(List.of("Authorization", "Content-Type", "Last-Event-ID"));
        widget.setExposedHeaders(List.of("Retry-After"));
        widget.setAllowCredentials(false);
        widget.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/v1/widget/**", widget);
        return source;
    }
}
