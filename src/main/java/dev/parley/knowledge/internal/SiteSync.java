package dev.parley.knowledge.internal;

import static dev.parley.shared.CleanText.shorten;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import dev.parley.knowledge.SiteSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Syncs one site: reads robots.txt (and obeys it, including its Crawl-delay), finds the pages from the sitemaps
 * (the start address itself when it is a sitemap, else those robots.txt names, else /sitemap.xml) or, without
 * any, by following links from the start page; stays on the start page's host and below its folder; reads each
 * page politely, one at a time. A page that cannot be read keeps its articles and gets its reason; a page that is
 * gone (404/410, or no longer listed) has its articles moved to drafts; unchanged pages are left alone. All
 * changes of one sync are stored in one transaction at its end, so nothing is ever half-imported.
 */
@Service
class SiteSync {

    private static final Logger log = LoggerFactory.getLogger(SiteSync.class);
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_SITEMAPS = 50;
    /** The longest reason kept for a page that failed. */
    private static final int MAX_DETAIL = 500;
    private static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(30);
    private static final Set<String> NOT_PAGES = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "css",
            "js", "zip", "gz", "mp4", "mp3", "woff", "woff2", "ttf", "json", "xml", "rss", "docx", "xlsx");

    private final SiteRepository sites;
    private final SiteImports imports;
    private final SiteSettings settings;
    private final Clock clock;

    SiteSync(SiteRepository sites, SiteImports imports, SiteSettings settings, Clock clock) {
        this.sites = sites;
        this.imports = imports;
        this.settings = settings;
        this.clock = clock;
    }

    void sync(String siteId) {
        Site site = sites.find(siteId).orElse(null);
        if (site == null) {
            return;
        }
        sites.started(siteId);
        try (SiteFetcher fetcher = new SiteFetcher(settings)) {
            new Run(site, fetcher).run();
        } catch (SyncFailed e) {
            log.warn("Sync of {} failed: {}", site.startUrl(), e.getMessage());
            sites.failed(siteId, e.getMessage(), next());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sites.failed(siteId, "The sync was stopped before it finished; nothing was changed.", clock.instant());
        } catch (IOException | RuntimeException e) {
            log.warn("Sync of {} failed", site.startUrl(), e);
            sites.failed(siteId, "The sync failed (" + e.getClass().getSimpleName() + "); nothing was changed.", next());
        }
    }

    private Instant next() {
        return settings.resyncInterval().isZero() ? null : clock.instant().plus(settings.resyncInterval());
    }

    /** One sync of one site. */
    private final class Run {

        private final Site site;
        private final SiteFetcher fetcher;
        private final URI start;
        private final String folder;
        private BaseRobotRules robots;
        private Duration delay;
        private boolean first = true;

        Run(Site site, SiteFetcher fetcher) {
            this.site = site;
            this.fetcher = fetcher;
            this.start = URI.create(site.startUrl());
            String path = start.getPath() == null || start.getPath().isEmpty() ? "/" : start.getPath();
            this.folder = path.substring(0, path.lastIndexOf('/') + 1);
        }

        void run() throws IOException, InterruptedException {
            robots = robots();
            long crawlDelay = robots.getCrawlDelay();
            delay = settings.delay();
            if (crawlDelay > 0) {
                Duration asked = Duration.ofMillis(crawlDelay);
                delay = asked.compareTo(delay) > 0 ? (asked.compareTo(MAX_CRAWL_DELAY) > 0 ? MAX_CRAWL_DELAY : asked) : delay;
            }
            List<URI> listed = sitemapPages();
            boolean crawl = listed.isEmpty();
            ArrayDeque<URI> queue = new ArrayDeque<>(crawl ? List.of(start) : listed);
            Set<String> seen = new HashSet<>();
            queue.forEach(u -> seen.add(u.toString()));
            Map<String, PageResult> results = new LinkedHashMap<>();
            int failed = 0;
            while (!queue.isEmpty() && results.size() < settings.maxPages()) {
                URI page = queue.poll();
                PageResult result = read(page);
                results.put(page.toString(), result);
                if (result.page().status() != SitePage.Status.OK) {
                    failed++;
                }
                if (crawl) {
                    for (URI link : result.links()) {
                        if (seen.add(link.toString())) {
                            queue.add(link);
                        }
                    }
                }
                sites.progress(site.id(), Math.min(settings.maxPages(), results.size() + queue.size()), results.size(), failed);
            }
            commit(results, !crawl || queue.isEmpty());
        }

        /** A page that is gone; the detail says whether it took articles with it (to drafts). */
        private static SitePage gone(String url, String why, SitePage was, Instant at) {
            boolean hadArticles = was != null && !was.articleIds().isEmpty();
            return new SitePage(url, SitePage.Status.GONE, hadArticles ? why + "; its articles were moved to drafts"
                    : why + "; nothing was imported from it", null, List.of(), at);
        }

        /** Stores what changed: new and changed pages imported, gone pages' articles to drafts, page records. */
        private void commit(Map<String, PageResult> results, boolean complete) {
            List<SitePage> before = sites.pages(site.id());
            Map<String, SitePage> previous = new HashMap<>();
            before.forEach(p -> previous.put(p.url(), p));
            List<ArticleDraft> drafts = new ArrayList<>();
            Set<String> taken = new HashSet<>();
            List<SitePage> pages = new ArrayList<>();
            for (Map.Entry<String, PageResult> e : results.entrySet()) {
                SitePage was = previous.remove(e.getKey());
                SitePage now = e.getValue().page();
                if (now.status() == SitePage.Status.OK) {
                    List<ArticleDraft> own = e.getValue().drafts().stream().filter(d -> taken.add(d.id())).toList();
                    boolean changed = was == null || !now.contentHash().equals(was.contentHash())
                            || was.status() != SitePage.Status.OK;
                    if (changed) {
                        drafts.addAll(own);
                    }
                    pages.add(new SitePage(now.url(), now.status(), null, now.contentHash(),
                            own.stream().map(ArticleDraft::id).toList(), now.checkedAt()));
                } else if (now.status() == SitePage.Status.FAILED && was != null) {
                    pages.add(new SitePage(now.url(), now.status(), now.detail(), was.contentHash(), was.articleIds(),
                            now.checkedAt()));
                    taken.addAll(was.articleIds());
                } else if (now.status() == SitePage.Status.GONE) {
                    pages.add(gone(now.url(), now.detail(), was, now.checkedAt()));
                } else {
                    pages.add(now);
                }
            }
            // pages no longer listed or linked: gone when the sync saw the whole site, else kept for next time
            for (SitePage was : previous.values()) {
                if (complete) {
                    pages.add(gone(was.url(), "no longer on the site", was, clock.instant()));
                } else {
                    pages.add(was);
                    taken.addAll(was.articleIds());
                }
            }
            Set<String> retired = new LinkedHashSet<>();
            before.forEach(p -> retired.addAll(p.articleIds()));
            retired.removeAll(taken);
            int articles = (int) pages.stream().mapToLong(p -> p.articleIds().size()).sum();
            imports.store(site.id(), drafts, retired, pages);
            long failed = pages.stream().filter(p -> p.status() == SitePage.Status.FAILED).count();
            String note = failed == 0 ? null : failed + (failed == 1 ? " page" : " pages")
                    + " could not be read; their articles were kept as they were.";
            if (!complete) {
                note = (note == null ? "" : note + " ") + "Stopped at " + settings.maxPages()
                        + " pages (parley.knowledge.sites.max-pages).";
            }
            sites.finished(site.id(), articles, note, clock.instant(), next());
            log.info("Synced {}: {} pages, {} articles imported or updated, {} moved to drafts, {} pages failed",
                    site.startUrl(), results.size(), drafts.size(), retired.size(), failed);
        }

        private BaseRobotRules robots() throws InterruptedException {
            URI address = start.resolve("/robots.txt");
            SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
            List<String> agents = List.of(settings.userAgent().toLowerCase(Locale.ROOT));
            try {
                SiteFetcher.Response response = fetch(address);
                if (response.ok()) {
                    return parser.parseContent(address.toString(), response.body(), response.contentType(), agents);
                }
                if (response.status() >= 500) {
                    throw new SyncFailed("The site's robots.txt answered " + response.status()
                            + "; sync waits until it can read the site's rules.");
                }
                return parser.failedFetch(response.status());
            } catch (IOException e) {
                throw new SyncFailed("The site cannot be reached: " + reason(e));
            }
        }

        /** Pages from the sitemaps: the start address when it is one, else those in robots.txt, else /sitemap.xml. */
        private List<URI> sitemapPages() throws InterruptedException {
            List<URI> maps = new ArrayList<>();
            boolean startIsMap = start.getPath() != null && start.getPath().toLowerCase(Locale.ROOT).endsWith(".xml");
            if (startIsMap) {
                maps.add(start);
            } else {
                robots.getSitemaps().stream().map(SiteSync::uri).filter(u -> u != null && sameHost(u)).forEach(maps::add);
                if (maps.isEmpty()) {
                    maps.add(start.resolve("/sitemap.xml"));
                }
            }
            Set<String> pages = new LinkedHashSet<>();
            SiteMapParser parser = new SiteMapParser(false);
            ArrayDeque<URI> todo = new ArrayDeque<>(maps);
            int read = 0;
            while (!todo.isEmpty() && read++ < MAX_SITEMAPS && pages.size() < settings.maxPages()) {
                URI map = todo.poll();
                try {
                    SiteFetcher.Response response = fetch(map);
                    if (!response.ok()) {
                        if (startIsMap && map.equals(start)) {
                            throw new SyncFailed("The sitemap answered " + response.status() + ".");
                        }
                        continue;
                    }
                    AbstractSiteMap parsed = parser.parseSiteMap(response.contentType(), response.body(), map.toURL());
                    if (parsed instanceof SiteMapIndex index) {
                        index.getSitemaps().forEach(m -> {
                            URI u = uri(m.getUrl().toString());
                            if (u != null && sameHost(u)) {
                                todo.add(u);
                            }
                        });
                    } else if (parsed instanceof SiteMap siteMap) {
                        for (SiteMapURL entry : siteMap.getSiteMapUrls()) {
                            URI u = uri(entry.getUrl().toString());
                            if (u != null && inScope(u, !startIsMap)) {
                                pages.add(u.toString());
                            }
                        }
                    }
                } catch (IOException | crawlercommons.sitemaps.UnknownFormatException e) {
                    if (startIsMap && map.equals(start)) {
                        throw new SyncFailed("The sitemap cannot be read: " + reason(e));
                    }
                }
            }
            return pages.stream().map(URI::create).toList();
        }

        /** Reads one page: its articles and links, or why it could not be read. */
        private PageResult read(URI page) throws InterruptedException {
            Instant at = clock.instant();
            try {
                SiteFetcher.Response response = fetch(page);
                URI where = page;
                for (int hop = 0; response.redirect() && hop < MAX_REDIRECTS; hop++) {
                    where = normalised(response.location());
                    if (where == null || !inScope(where, false)) {
                        return PageResult.failed(page, "redirects away from the site (" + response.location() + ")", at);
                    }
                    response = fetch(where);
                }
                if (response.status() == 404 || response.status() == 410) {
                    return new PageResult(new SitePage(page.toString(), SitePage.Status.GONE,
                            "answered " + response.status(), null, List.of(), at), List.of(), List.of());
                }
                if (!response.ok()) {
                    return PageResult.failed(page, "answered " + response.status(), at);
                }
                String type = response.contentType().toLowerCase(Locale.ROOT);
                ImportSource source = new ImportSource(where.toString(), response.body());
                ParsedDocument document;
                List<URI> links = List.of();
                if (type.contains("pdf")) {
                    document = PdfDocuments.read(source);
                } else if (type.contains("html") || type.isEmpty()) {
                    document = HtmlDocuments.read(response.body(), where.toString());
                    links = links(response.body(), where);
                } else {
                    return PageResult.failed(page, "is not a web page or PDF (" + response.contentType() + ")", at);
                }
                List<ArticleDraft> drafts = DocumentSections.ofPage(where, document);
                for (ArticleDraft d : drafts) {
                    String problem = ArticleRules.check(d).orElse(null);
                    if (problem != null) {
                        return PageResult.failed(page, problem, at);
                    }
                }
                return new PageResult(new SitePage(page.toString(), SitePage.Status.OK, null, hash(drafts),
                        drafts.stream().map(ArticleDraft::id).toList(), at), drafts, links);
            } catch (ImportFailed e) {
                return new PageResult(new SitePage(page.toString(), SitePage.Status.FAILED,
                        shorten(e.getMessage(), MAX_DETAIL), null, List.of(), at), List.of(), List.of());
            } catch (IOException e) {
                return PageResult.failed(page, reason(e), at);
            }
        }

        private SiteFetcher.Response fetch(URI uri) throws IOException, InterruptedException {
            if (robots != null && !robots.isAllowed(uri.toString())) {
                return new SiteFetcher.Response(403, "", new byte[0], null);
            }
            if (!first) {
                Thread.sleep(delay);
            }
            first = false;
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            return fetcher.get(uri);
        }

        private List<URI> links(byte[] html, URI page) {
            List<URI> links = new ArrayList<>();
            for (Element a : Jsoup.parse(new String(html, java.nio.charset.StandardCharsets.UTF_8), page.toString())
                    .select("a[href]")) {
                URI u = normalised(uri(a.absUrl("href")));
                if (u != null && inScope(u, true)) {
                    links.add(u);
                }
            }
            return links;
        }

        private boolean sameHost(URI u) {
            return start.getHost().equalsIgnoreCase(u.getHost()) && start.getScheme().equalsIgnoreCase(u.getScheme())
                    && start.getPort() == u.getPort();
        }

        /** Same host, below the start page's folder (when {@code inFolder}), a page not a file, allowed by robots. */
        private boolean inScope(URI u, boolean inFolder) {
            String path = u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath();
            int dot = path.lastIndexOf('.');
            String extension = dot > path.lastIndexOf('/') ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
            return sameHost(u) && (!inFolder || path.startsWith(folder)) && !NOT_PAGES.contains(extension)
                    && robots.isAllowed(u.toString());
        }
    }

    /** A page's result: its record, the articles it gave and the links it holds. */
    private record PageResult(SitePage page, List<ArticleDraft> drafts, List<URI> links) {

        static PageResult failed(URI page, String detail, Instant at) {
            return new PageResult(new SitePage(page.toString(), SitePage.Status.FAILED, shorten(detail, MAX_DETAIL),
                    null, List.of(), at), List.of(), List.of());
        }
    }

    private static URI uri(String s) {
        try {
            return s == null || s.isBlank() ? null : new URI(s.strip());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Without fragment; only http(s). */
    private static URI normalised(URI u) {
        if (u == null || u.getScheme() == null || u.getHost() == null
                || !u.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
            return null;
        }
        try {
            return new URI(u.getScheme().toLowerCase(Locale.ROOT), u.getUserInfo(), u.getHost().toLowerCase(Locale.ROOT),
                    u.getPort(), u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath(), u.getQuery(), null);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String hash(List<ArticleDraft> drafts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (ArticleDraft d : drafts) {
                digest.update((d.id() + "\u0000" + d.title() + "\u0000" + d.body() + "\u0000" + d.source() + "\u0001")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.net.SocketTimeoutException || message.toLowerCase(Locale.ROOT).contains("timed out")) {
            return "no answer in time";
        }
        return message;
    }

    /** The site as a whole could not be synced (unreachable, robots.txt failing, sitemap broken). */
    static final class SyncFailed extends RuntimeException {
        SyncFailed(String message) {
            super(message);
        }
    }
}
