package dev.parley.mail.internal;

import dev.parley.mail.MailUrl;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;

/**
 * Jakarta Mail sessions for one server, with every timeout set: Jakarta Mail's defaults are infinite, and one
 * silent server would otherwise hold a sending or polling thread for ever.
 */
public final class MailSessions {

    private MailSessions() {
    }

    /**
     * @param trustAllCertificates only for servers with self-signed certificates that the operator chose to accept;
     *                             off by default, so TLS is verified against the JVM's trust store and host name.
     */
    public static Session forServer(MailUrl url, Duration timeout, boolean trustAllCertificates) {
        String protocol = url.scheme();
        String prefix = "mail." + protocol + ".";
        String millis = Long.toString(Math.max(1, timeout.toMillis()));
        var props = new Properties();
        props.setProperty("mail.transport.protocol", url.isSmtp() ? protocol : "smtp");
        props.setProperty("mail.store.protocol", url.isImap() ? protocol : "imap");
        props.setProperty(prefix + "host", url.host());
        props.setProperty(prefix + "port", Integer.toString(url.port()));
        props.setProperty(prefix + "connectiontimeout", millis);
        props.setProperty(prefix + "timeout", millis);
        props.setProperty(prefix + "writetimeout", millis);
        // opportunistic: upgrade when the server offers STARTTLS, still work with a plain relay on the local network
        props.setProperty(prefix + "starttls.enable", "true");
        props.setProperty(prefix + "ssl.checkserveridentity", Boolean.toString(!trustAllCertificates));
        if (trustAllCertificates) {
            props.setProperty(prefix + "ssl.trust", "*");
        }
        if (url.isSmtp()) {
            props.setProperty(prefix + "auth", Boolean.toString(url.user() != null));
        }
        return Session.getInstance(props);
    }
}
