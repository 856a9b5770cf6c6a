package dev.parley.conversation;

/** Where a conversation started: the page, browser and referrer the channel saw. */
public record SourceDetails(String pageUrl, String userAgent, String referrer) {

    public static SourceDetails none() {
        return new SourceDetails(null, null, null);
    }
}
