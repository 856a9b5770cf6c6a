package dev.parley.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real Tomcat with the stream-aware adapter, asked over one kept-alive connection as a browser would. */
class StreamRequestBuffersTests {

    private Tomcat tomcat;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    @BeforeEach
    void start() throws Exception {
        tomcat = new Tomcat();
        tomcat.setSilent(true);
        tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        StreamRequestBuffers.install(connector);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", Path.of(tomcat.getServer().getCatalinaBase().getPath()).toString());
        Tomcat.addServlet(context, "report", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType(request.getHeader("Accept").contains("text/event-stream")
                        ? "text/event-stream" : "text/plain");
                response.setCharacterEncoding("UTF-8");
                // the client's port as the channel handed to the close watch sees it
                String channel = request.getAttribute(StreamAwareAdapter.CHANNEL_ATTRIBUTE) instanceof SocketChannel c
                        && c.getRemoteAddress() instanceof InetSocketAddress client ? "" + client.getPort() : "none";
                response.getWriter().print("data: buffer=" + response.getBufferSize() + " channel=" + channel
                        + " name=" + request.getParameter("name") + " page=" + "x".repeat(3000) + "\n\n");
            }

            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                String body = request.getReader().lines().reduce("", String::concat);
                response.setContentType("text/plain");
                response.getWriter().print("data: buffer=" + response.getBufferSize() + " read=" + body.length()
                        + "\n\n");
            }
        });
        context.addServletMappingDecoded("/*", "report");
        tomcat.start();
        socket = new Socket("127.0.0.1", connector.getLocalPort());
        socket.setSoTimeout(10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    @AfterEach
    void stop() throws Exception {
        socket.close();
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void anEventStreamIsServedWithSmallBuffersAndOrdinaryRequestsOnTheSameConnectionWithTomcatsOwn() throws Exception {
        assertThat(get("text/html")).contains("buffer=8192 channel=none name=Zo\u00eb");
        assertThat(get("text/event-stream")).contains("buffer=" + StreamAwareAdapter.STREAM_BUFFER_SIZE
                + " channel=" + socket.getLocalPort() + " name=Zo\u00eb");
        assertThat(get("text/event-stream")).contains("buffer=" + StreamAwareAdapter.STREAM_BUFFER_SIZE);
        assertThat(post("x".repeat(20_000))).contains("buffer=8192 read=20000");
        assertThat(get("*/*")).contains("buffer=8192");
        assertThat(get("text/event-stream")).contains("buffer=" + StreamAwareAdapter.STREAM_BUFFER_SIZE);
        assertThat(StreamAwareAdapter.replacesInputBuffer()).as("the request's input buffer is replaceable").isTrue();
    }

    @Test
    void aPostIsServedWithTomcatsOwnBuffersWhateverItAccepts() throws Exception {
        assertThat(get("text/event-stream")).contains("buffer=" + StreamAwareAdapter.STREAM_BUFFER_SIZE);
        assertThat(post("y".repeat(5_000))).contains("buffer=8192 read=5000");
    }

    private String get(String accept) throws IOException {
        send("GET /report?name=Zo%C3%AB HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\n\r\n");
        return response();
    }

    private String post(String body) throws IOException {
        send("POST /report HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        return response();
    }

    private void send(String request) throws IOException {
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads one response off the kept-alive connection (chunked or with a length) and returns its body. */
    private String response() throws IOException {
        assertThat(in.readLine()).startsWith("HTTP/1.1 200");
        int length = -1;
        boolean chunked = false;
        for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
            String header = line.toLowerCase();
            if (header.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).trim());
            } else if (header.startsWith("transfer-encoding:") && header.contains("chunked")) {
                chunked = true;
            }
        }
        StringBuilder body = new StringBuilder();
        if (chunked) {
            for (int size = Integer.parseInt(in.readLine().trim(), 16); size > 0;
                    size = Integer.parseInt(in.readLine().trim(), 16)) {
                body.append(read(size));
                in.readLine();
            }
            in.readLine();
        } else {
            body.append(read(length));
        }
        return body.toString();
    }

    /** Reads a number of bytes of ASCII or UTF-8 text (the body is ASCII except for one two-byte letter). */
    private String read(int bytes) throws IOException {
        StringBuilder text = new StringBuilder();
        int read = 0;
        while (read < bytes) {
            int c = in.read();
            text.append((char) c);
            read += c > 0x7ff ? 3 : c > 0x7f ? 2 : 1;
        }
        return text.toString();
    }
}
