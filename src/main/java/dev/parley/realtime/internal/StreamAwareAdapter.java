package dev.parley.realtime.internal;

import java.lang.reflect.Field;
import java.nio.channels.SocketChannel;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.CoyoteAdapter;
import org.apache.catalina.connector.InputBuffer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.coyote.http11.Http11InputBuffer;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's adapter from its connection processors to the servlet container, choosing per request which pair of
 * request/response objects serves it. Tomcat keeps one pair per processor (in the processor's request note
 * {@link #ADAPTER_NOTES}) and reuses it for every request the processor serves. A GET asking for
 * {@code text/event-stream} is served by a second pair with {@link #STREAM_BUFFER_SIZE} buffers instead, kept beside
 * the usual one; the next ordinary request on that processor gets the usual pair back. Writes larger than the small
 * buffer go through it in steps (an event of a few KB is still one flush). A stream's request also carries its
 * connection's channel ({@link #CHANNEL_ATTRIBUTE}), so that {@link ClientCloseWatch} can tell when its client leaves.
 */
final class StreamAwareAdapter extends CoyoteAdapter {

    static final int STREAM_BUFFER_SIZE = 1024;

    private static final Logger log = LoggerFactory.getLogger(StreamAwareAdapter.class);
    /** Request notes of the processor's two pairs (Tomcat itself uses notes 1 and 2 of 32). */
    private static final int STREAM_PAIR_NOTE = 30;
    private static final int USUAL_PAIR_NOTE = 31;
    /** The request attribute holding an event stream's {@link SocketChannel} (absent when it cannot be found). */
    static final String CHANNEL_ATTRIBUTE = "dev.parley.realtime.channel";
    /** The request's input buffer is made by its constructor at Tomcat's size; null when it cannot be replaced. */
    private static final Field INPUT_BUFFER = accessible(Request.class, "inputBuffer",
            "Event streams keep Tomcat's request input buffer of 8 K chars");
    /** The connection of an HTTP/1.1 processor's input; null when it cannot be read. */
    private static final Field SOCKET_WRAPPER = accessible(Http11InputBuffer.class, "wrapper",
            "Closed event streams are found by periodic checks only");

    private final Connector connector;

    StreamAwareAdapter(Connector connector) {
        super(connector);
        this.connector = connector;
    }

    @Override
    public void service(org.apache.coyote.Request req, org.apache.coyote.Response res) throws Exception {
        boolean stream = isEventStream(req);
        usePairFor(req, res, stream);
        if (stream) {
            SocketChannel channel = channelOf(req);
            if (channel != null) {
                req.setAttribute(CHANNEL_ATTRIBUTE, channel);
            }
        }
        super.service(req, res);
    }

    static boolean isEventStream(org.apache.coyote.Request req) {
        String accept = req.getHeader("accept");
        return "GET".equals(req.getMethod()) && accept != null && accept.contains("text/event-stream");
    }

    private void usePairFor(org.apache.coyote.Request req, org.apache.coyote.Response res, boolean stream) {
        Object inUse = req.getNote(ADAPTER_NOTES);
        Object streamRequest = req.getNote(STREAM_PAIR_NOTE);
        boolean streamPairInUse = inUse != null && inUse == streamRequest;
        if (stream == streamPairInUse) {
            return;
        }
        if (stream) {
            if (inUse != null) { // Tomcat's pair, kept for the next ordinary request
                req.setNote(USUAL_PAIR_NOTE, inUse);
                res.setNote(USUAL_PAIR_NOTE, res.getNote(ADAPTER_NOTES));
            }
            if (streamRequest == null) {
                Request request = streamRequest(req);
                Response response = new Response(res, STREAM_BUFFER_SIZE);
                request.setResponse(response);
                response.setRequest(request);
                req.setNote(STREAM_PAIR_NOTE, request);
                res.setNote(STREAM_PAIR_NOTE, response);
            }
            req.setNote(ADAPTER_NOTES, req.getNote(STREAM_PAIR_NOTE));
            res.setNote(ADAPTER_NOTES, res.getNote(STREAM_PAIR_NOTE));
        } else { // the usual pair back, or none yet: then Tomcat makes it
            req.setNote(ADAPTER_NOTES, req.getNote(USUAL_PAIR_NOTE));
            res.setNote(ADAPTER_NOTES, res.getNote(USUAL_PAIR_NOTE));
        }
    }

    private Request streamRequest(org.apache.coyote.Request req) {
        Request request = connector.createRequest(req);
        req.getParameters().setQueryStringCharset(connector.getURICharset());
        if (INPUT_BUFFER != null) {
            try {
                INPUT_BUFFER.set(request, new InputBuffer(STREAM_BUFFER_SIZE, req));
            } catch (IllegalAccessException | RuntimeException e) {
                log.debug("The stream request keeps Tomcat's input buffer: {}", e.toString());
            }
        }
        return request;
    }

    /** Whether stream requests get the small input buffer too (the Tomcat in use lets its field be replaced). */
    static boolean replacesInputBuffer() {
        return INPUT_BUFFER != null;
    }

    /** The channel of the request's connection, on Tomcat's NIO connector; null on any other. */
    static SocketChannel channelOf(org.apache.coyote.Request req) {
        if (SOCKET_WRAPPER == null || !(req.getInputBuffer() instanceof Http11InputBuffer input)) {
            return null;
        }
        try {
            return SOCKET_WRAPPER.get(input) instanceof SocketWrapperBase<?> wrapper
                    && wrapper.getSocket() instanceof NioChannel channel ? channel.getIOChannel() : null;
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    private static Field accessible(Class<?> type, String name, String otherwise) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.info("{}: {}", otherwise, e.toString());
            return null;
        }
    }
}
