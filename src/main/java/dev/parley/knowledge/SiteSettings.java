package dev.parley.knowledge;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of site sync (help centers and web sites imported page by page), under {@code parley.knowledge.sites}.
 *
 * @param maxPages pages read per site and sync at most
 * @param delay pause between two requests to a site (a longer Crawl-delay in its robots.txt wins)
 * @param timeout connect and read timeout of one request; a page still arriving after four of them is skipped
 * @param maxPageBytes larger pages are skipped with a reason
 * @param resyncInterval how long after a sync a site is synced again; 0 turns scheduled re-syncs off
 * @param allowPrivateAddresses also fetch from loopback, private and link-local addresses (off: an admin could
 *        otherwise make the server read internal services)
 * @param userAgent the product token Parley sends and obeys in robots.txt
 */
@Validated
@ConfigurationProperties("parley.knowledge.sites")
public record SiteSettings(
        @DefaultValue("500") @Min(1) @Max(100_000) int maxPages,
        @DefaultValue("1s") Duration delay,
        @DefaultValue("15s") Duration timeout,
        @DefaultValue("5000000") @Min(1000) int maxPageBytes,
        @DefaultValue("24h") Duration resyncInterval,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("ParleyBot") @NotBlank String userAgent) {
}
