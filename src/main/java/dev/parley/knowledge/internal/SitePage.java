package dev.parley.knowledge.internal;

import java.time.Instant;
import java.util.List;

/**
 * One page of a synced site as the last sync left it: OK (its articles are current), FAILED (it could not be read
 * this time, so its articles were kept) or GONE (it no longer exists, so its articles were moved to drafts).
 */
public record SitePage(String url, Status status, String detail, String contentHash, List<String> articleIds,
        Instant checkedAt) {

    public SitePage {
        articleIds = articleIds == null ? List.of() : List.copyOf(articleIds);
    }

    /** What the last sync found at the page. */
    public enum Status { OK, FAILED, GONE }
}
