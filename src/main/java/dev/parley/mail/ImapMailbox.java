package dev.parley.mail;

import dev.parley.mail.MailboxException.Reason;
import dev.parley.mail.internal.MailSessions;
import dev.parley.mail.internal.MailboxFailures;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BODY;

/**
 * One IMAP folder, opened read-only: the channel keeps its own place by UID (and UIDVALIDITY), so reading never
 * changes flags a person using the same mailbox relies on. Not thread-safe; one poller owns one mailbox.
 */
public final class ImapMailbox implements AutoCloseable {

    private final Store store;
    private final IMAPFolder folder;
    private final String name;
    private final Duration timeout;
    private final MailboxWatch watch;
    private final long uidValidity;
    private final boolean idle;

    private ImapMailbox(Store store, IMAPFolder folder, String name, Duration timeout) throws MessagingException {
        this.store = store;
        this.folder = folder;
        this.name = name;
        this.timeout = timeout;
        this.watch = new MailboxWatch(folder, timeout);
        // both come with the login and the SELECT, and hold for as long as this mailbox is open
        this.uidValidity = folder.getUIDValidity();
        this.idle = ((IMAPStore) store).hasCapability("IDLE");
    }

    public static ImapMailbox open(MailUrl imap, Duration timeout) throws MailboxException {
        return open(imap, timeout, false);
    }

    /** {@code trustAllCertificates} accepts any TLS certificate: only for a server with a self-signed one. */
    public static ImapMailbox open(MailUrl imap, Duration timeout, boolean trustAllCertificates)
            throws MailboxException {
        if (!imap.isImap()) {
            throw new IllegalArgumentException("not an IMAP URL: " + imap);
        }
        String name = imap.redacted();
        Store store = null;
        try {
            store = MailSessions.forServer(imap, timeout, trustAllCertificates).getStore(imap.scheme());
            store.connect(imap.host(), imap.port(), imap.user(), imap.password());
            Folder folder = store.getFolder(imap.folder());
            if (!folder.exists()) {
                throw new MailboxException(Reason.NO_SUCH_FOLDER, "no folder '" + imap.folder() + "' on " + name, null);
            }
            folder.open(Folder.READ_ONLY);
            return new ImapMailbox(store, (IMAPFolder) folder, name, timeout);
        } catch (MessagingException e) {
            closeQuietly(store);
            throw MailboxFailures.of(e, name);
        } catch (MailboxException | RuntimeException e) {
            closeQuietly(store);
            throw e;
        }
    }

    /** Changes when the server renumbered the folder: UIDs remembered before then mean nothing any more. */
    public long uidValidity() {
        return uidValidity;
    }

    /** Messages with UID > afterUid, oldest first, at most max; raw bytes (capped at maxBytes, flagged truncated). */
    public List<FetchedMail> fetchAfter(long afterUid, int max, long maxBytes) throws MailboxException {
        try {
            watch.refresh();
            Message[] messages = folder.getMessagesByUID(afterUid + 1, UIDFolder.LASTUID);
            var profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.SIZE);
            folder.fetch(messages, profile);
            var fetched = new ArrayList<FetchedMail>();
            for (Message message : messages) {
                long uid = folder.getUID(message);
                // "UID n:*" always answers with the newest message, even when its UID is below n (RFC 3501 6.4.8)
                if (message == null || uid <= afterUid || fetched.size() >= max) {
                    continue;
                }
                fetched.add(fetch(message, uid, maxBytes));
            }
            fetched.sort(java.util.Comparator.comparingLong(FetchedMail::uid));
            watch.seen(folder.getMessageCount());
            return fetched;
        } catch (MessagingException e) {
            throw MailboxFailures.of(e, name);
        }
    }

    public boolean supportsIdle() {
        return idle;
    }

    /** Waits until the server reports new mail or the timeout passes (IMAP IDLE where offered, else sleeps). */
    public void awaitChange(Duration max) throws MailboxException {
        try {
            if (idle) {
                watch.idle(max);
            } else {
                Thread.sleep(max.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (MessagingException e) {
            throw MailboxFailures.of(e, name);
        }
    }

    private FetchedMail fetch(Message message, long uid, long maxBytes) throws MessagingException {
        long size = Math.max(0, message.getSize());
        boolean truncated = size > maxBytes;
        int msgno = message.getMessageNumber();
        // BODY.PEEK[]<0.n>: the message exactly as stored, and no more of it than the caller can take
        BODY body = (BODY) folder.doCommand(protocol -> truncated
                ? protocol.peekBody(msgno, "", 0, (int) Math.min(maxBytes, Integer.MAX_VALUE - 8))
                : protocol.peekBody(msgno, ""));
        if (body == null) {
            throw new MessagingException("the server returned no body for UID " + uid);
        }
        byte[] raw = body.getByteArrayInputStream().readAllBytes();
        return new FetchedMail(uid, raw, Math.max(size, raw.length), truncated || raw.length > maxBytes);
    }

    @Override
    public void close() {
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            // closing a broken connection fails too; the store below is closed either way
        }
        closeQuietly(store);
    }

    @Override
    public String toString() {
        return "ImapMailbox[" + name + ", timeout " + timeout + "]";
    }

    private static void closeQuietly(Store store) {
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException | RuntimeException e) {
            // nothing left to release
        }
    }
}
