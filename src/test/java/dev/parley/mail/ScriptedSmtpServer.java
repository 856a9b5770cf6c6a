package dev.parley.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP server that answers RCPT TO with one fixed reply, for the rejections GreenMail never gives (it accepts
 * every recipient). Speaks just enough SMTP for Jakarta Mail to get to RCPT.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String rcptReply;
    private final Thread thread;

    ScriptedSmtpServer(String rcptReply) throws IOException {
        this.socket = new ServerSocket(0);
        this.rcptReply = rcptReply;
        this.thread = Thread.ofVirtual().start(this::serve);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException e) {
                // closed by the test, or the client hung up: next connection
            }
        }
    }

    private void converse(Socket client) throws IOException {
        var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
        reply(out, "220 scripted ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
            switch (command) {
                case "EHLO" -> reply(out, "250-scripted\r\n250 8BITMIME");
                case "RCPT" -> reply(out, rcptReply);
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 OK");
            }
        }
    }

    private static void reply(PrintWriter out, String text) {
        out.print(text + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        thread.interrupt();
    }
}
