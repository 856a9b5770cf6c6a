package dev.parley.knowledge.internal;

import dev.parley.knowledge.SiteSettings;
import dev.parley.shared.ApiException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Sites synced into the knowledge base: adding one starts its first sync; syncs run one at a time in the
 * background, again every {@code parley.knowledge.sites.resync-interval}. A site is queued by a conditional
 * update of its state, so with several nodes exactly one of them syncs it.
 */
@Service
public class SiteSyncs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SiteSyncs.class);

    private final SiteRepository sites;
    private final SiteSync sync;
    private final SiteSettings settings;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("site-sync").daemon().factory());

    SiteSyncs(SiteRepository sites, SiteSync sync, SiteSettings settings, Clock clock) {
        this.sites = sites;
        this.sync = sync;
        this.settings = settings;
        this.clock = clock;
    }

    /** Adds a site by its start page or sitemap address and starts its first sync. */
    public Site add(String address) {
        URI start = startAddress(address);
        if (sites.all().stream().anyMatch(s -> s.startUrl().equals(start.toString()))) {
            throw ApiException.conflict("This site is already synced: " + start);
        }
        Site site = new Site(UUID.randomUUID().toString(), start.toString(), Site.State.IDLE, 0, 0, 0, 0, null, null,
                null, clock.instant());
        sites.insert(site);
        return syncNow(site.id());
    }

    public List<Site> list() {
        return sites.all();
    }

    public Site find(String id) {
        return sites.find(id).orElseThrow(() -> ApiException.notFound("Site " + id));
    }

    public List<SitePage> pages(String id) {
        find(id);
        return sites.pages(id);
    }

    /** Queues a sync now; 409 when one is already queued or running. */
    public Site syncNow(String id) {
        find(id);
        if (!sites.queue(id)) {
            throw ApiException.conflict("This site is already being synced");
        }
        submit(id);
        return find(id);
    }

    /** Stops syncing a site; its articles stay in the knowledge base as they are. */
    public void remove(String id) {
        if (find(id).busy()) {
            throw ApiException.conflict("This site is being synced; remove it when the sync has finished");
        }
        sites.delete(id);
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        int reset = sites.resetInterrupted(clock.instant());
        if (reset > 0) {
            log.info("{} site syncs were interrupted by the last stop; they run again", reset);
        }
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT1M")
    @SchedulerLock(name = "knowledge.site-sync-due", lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
    void syncDue() {
        for (String id : sites.due(clock.instant())) {
            if (sites.queue(id)) {
                submit(id);
            }
        }
    }

    private void submit(String id) {
        worker.submit(() -> {
            try {
                sync.sync(id);
            } catch (RuntimeException e) {
                log.error("Site sync {} failed", id, e);
                sites.failed(id, "The sync failed unexpectedly; it is tried again later.",
                        clock.instant().plus(settings.resyncInterval().isZero() ? java.time.Duration.ofHours(1)
                                : settings.resyncInterval()));
            }
        });
    }

    private URI startAddress(String address) {
        URI uri;
        try {
            uri = new URI(address == null ? "" : address.strip());
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("url must be a web address like https://help.example.com/");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw ApiException.badRequest("url must be an http(s) address like https://help.example.com/");
        }
        if (uri.toString().length() > 2000) {
            throw ApiException.badRequest("url is at most 2000 characters");
        }
        try (SiteFetcher fetcher = new SiteFetcher(settings)) {
            fetcher.checkAddress(uri);
        } catch (IOException e) {
            throw ApiException.badRequest("This address cannot be synced: " + e.getMessage());
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
