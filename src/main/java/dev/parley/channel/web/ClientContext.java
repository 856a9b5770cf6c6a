package dev.parley.channel.web;

/**
 * What the widget API knows about the calling browser. The IP is the connection's remote address
 * (behind a proxy, set {@code server.forward-headers-strategy} so it is the client's).
 */
record ClientContext(String ip, String userAgent, String referrer) {
}
