package dev.parley.conversation;

import dev.parley.shared.CleanText;

/** Where a conversation started: the page, browser and referrer the channel saw (cleaned, as any channel's text). */
public record SourceDetails(String pageUrl, String userAgent, String referrer) {

    public SourceDetails {
        pageUrl = CleanText.of(pageUrl);
        userAgent = CleanText.of(userAgent);
        referrer = CleanText.of(referrer);
    }

    public static SourceDetails none() {
        return new SourceDetails(null, null, null);
    }
}
