package dev.parley.knowledge.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores what one sync of a site changed, in one transaction: articles, retired articles and page records. */
@Service
class SiteImports {

    private final Articles articles;
    private final SiteRepository sites;

    SiteImports(Articles articles, SiteRepository sites) {
        this.articles = articles;
        this.sites = sites;
    }

    @Transactional
    void store(String siteId, List<ArticleDraft> drafts, Collection<String> retired, Collection<SitePage> pages) {
        if (!drafts.isEmpty()) {
            articles.importAll(drafts);
        }
        if (!retired.isEmpty()) {
            articles.unpublish(retired);
        }
        sites.replacePages(siteId, pages);
    }
}
