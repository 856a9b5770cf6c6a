package dev.parley.mail.internal;

import dev.parley.mail.MailDeliveryException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sorts an SMTP failure into "try again later" and "give up": the reply code decides (RFC 5321: 4xx transient,
 * 5xx permanent); without one, the failure was on the network and is transient.
 */
public final class DeliveryFailures {

    private DeliveryFailures() {
    }

    public static MailDeliveryException classify(MessagingException failure, String server) {
        int code = 0;
        boolean invalidAddress = false;
        for (Throwable t = failure; t != null; t = next(t)) {
            int found = replyCode(t);
            if (found >= 400) {
                // with several codes (one per recipient) a transient one means retrying may still deliver
                code = code == 0 ? found : Math.min(code, found);
            }
            invalidAddress |= t instanceof AddressException
                    || t instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null
                            && sfe.getInvalidAddresses().length > 0;
        }
        boolean authentication = failure instanceof AuthenticationFailedException;
        boolean permanent = code >= 500 || code == 0 && (invalidAddress || authentication);
        String kind = permanent ? "rejected" : "failed, may succeed later";
        String reason = authentication ? "authentication failed: " + failure.getMessage() : describe(failure);
        return new MailDeliveryException("sending through " + server + " " + kind + ": " + reason, permanent, failure);
    }

    private static int replyCode(Throwable t) {
        if (t instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        return 0;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static String describe(Throwable failure) {
        var out = new StringBuilder(String.valueOf(failure.getMessage()).strip());
        for (Throwable t = next(failure); t != null; t = next(t)) {
            out.append(" / ").append(t.getClass().getSimpleName()).append(": ")
                    .append(String.valueOf(t.getMessage()).strip());
        }
        return out.toString();
    }
}
