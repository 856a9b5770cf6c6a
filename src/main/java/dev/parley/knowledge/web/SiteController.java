package dev.parley.knowledge.web;

import dev.parley.knowledge.internal.Site;
import dev.parley.knowledge.internal.SitePage;
import dev.parley.knowledge.internal.SiteSyncs;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sites synced into the knowledge base (supervisors): add one by its start page or sitemap (202, the first sync
 * starts), follow its progress, sync it again, see why pages failed, stop syncing it.
 */
@RestController
@RequestMapping("/api/v1/knowledge/sites")
class SiteController {

    private final SiteSyncs syncs;

    SiteController(SiteSyncs syncs) {
        this.syncs = syncs;
    }

    @PostMapping
    ResponseEntity<Site> add(@RequestBody NewSite request) {
        Site site = syncs.add(request == null ? null : request.url());
        return ResponseEntity.accepted().location(URI.create("/api/v1/knowledge/sites/" + site.id())).body(site);
    }

    @GetMapping
    List<Site> list() {
        return syncs.list();
    }

    @GetMapping("/{id}")
    SiteDetail get(@PathVariable String id) {
        return new SiteDetail(syncs.find(id), syncs.pages(id));
    }

    @PostMapping("/{id}/sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Site sync(@PathVariable String id) {
        return syncs.syncNow(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable String id) {
        syncs.remove(id);
        return ResponseEntity.noContent().build();
    }

    /** The address to sync: a help center's start page or a sitemap. */
    record NewSite(String url) {
    }

    /** A site with what its last sync found on each page. */
    record SiteDetail(Site site, List<SitePage> pages) {
    }
}
