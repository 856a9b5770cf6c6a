package dev.parley.conversation;

import dev.parley.encryption.EncryptedColumn;
import dev.parley.encryption.Encryption;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The personal texts of the conversation tables, sealed at rest (ADR 0029): message texts and author names, the
 * conversation's copies of subject, customer name and address, where a widget conversation started, contacts and
 * their handles, CSAT comments, verified addresses and customer ids, attachment file names, delivery errors and
 * thread keys (a phone number finds its SMS or WhatsApp conversation); what is looked up has a lookup hash beside it.
 * Repositories seal on write and open on read; a module that reads these tables itself (the CSV export) opens them
 * here. Every column is declared for re-encryption.
 */
@Component
public class PersonalTexts {

    /** What a list shows for a value that cannot be opened (see {@link #openForList}). */
    public static final String UNREADABLE = Encryption.UNREADABLE;

    public static final String MESSAGE_BODY = "conversation.message.body";
    public static final String MESSAGE_AUTHOR = "conversation.message.author-name";
    public static final String SUBJECT = "conversation.subject";
    public static final String CUSTOMER_NAME = "conversation.customer-name";
    public static final String CUSTOMER_EMAIL = "conversation.customer-email";
    public static final String PAGE_URL = "conversation.source.page-url";
    public static final String USER_AGENT = "conversation.source.user-agent";
    public static final String REFERRER = "conversation.source.referrer";
    public static final String CONTACT_NAME = "conversation.contact.name";
    public static final String CONTACT_EMAIL = "conversation.contact.email";
    public static final String CONTACT_PHONE = "conversation.contact.phone";
    public static final String CONTACT_HANDLE = "conversation.contact.handle";
    public static final String CSAT_COMMENT = "conversation.csat.comment";
    public static final String VERIFIED_EMAIL = "conversation.verified.email";
    public static final String VERIFIED_CUSTOMER_ID = "conversation.verified.customer-id";
    public static final String ATTACHMENT_FILENAME = "conversation.attachment.filename";
    public static final String THREAD_KEY = "conversation.thread.key";
    public static final String DELIVERY_ERROR = "conversation.delivery.last-error";
    /** The longest thread key kept (longer keys, such as odd Message-IDs, are cut to it before hashing). */
    static final int THREAD_KEY_MAX = 500;

    private final Encryption encryption;

    PersonalTexts(Encryption encryption) {
        this.encryption = encryption;
    }

    /** {@code plain} sealed for {@code purpose} (one of the constants); {@code null} stays {@code null}. */
    public String seal(String plain, String purpose) {
        return encryption.encrypt(plain, purpose);
    }

    /** The plain text of a stored value; rows written before encryption hold plain text, which opens as itself. */
    public String open(String stored, String purpose) {
        return encryption.decrypt(stored, purpose);
    }

    /**
     * Opens a value for a list only: one that cannot be opened (its key is gone, the value is damaged) reads as
     * {@link #UNREADABLE} and is logged, so one bad row does not take a whole list down. Never store what this
     * returns: the sealed value may still be recovered with the right key.
     */
    public String openForList(String stored, String purpose) {
        return encryption.decryptForList(stored, purpose);
    }

    /** A contact handle's lookup hash under the active key, to store beside the sealed handle. */
    public String handleHash(ContactHandle handle) {
        return encryption.lookupHash(handle.value(), CONTACT_HANDLE);
    }

    /** A verified customer id's lookup hash under the active key, to store beside the sealed id. */
    public String customerIdHash(String customerId) {
        return encryption.lookupHash(customerId, VERIFIED_CUSTOMER_ID);
    }

    /** The customer id's lookup hashes under every key, to find its conversations whichever key hashed it. */
    public List<String> customerIdHashes(String customerId) {
        return encryption.lookupHashes(customerId, VERIFIED_CUSTOMER_ID);
    }

    /** A thread key as it is stored and hashed: cut to {@value #THREAD_KEY_MAX} characters. */
    public static String threadKey(String key) {
        return key.length() > THREAD_KEY_MAX ? key.substring(0, THREAD_KEY_MAX) : key;
    }

    /** A thread key's lookup hash under the active key ({@code key} as {@link #threadKey} stores it). */
    public String threadKeyHash(String key) {
        return encryption.lookupHash(key, THREAD_KEY);
    }

    /** The thread key's lookup hashes under every key of the ring. */
    public List<String> threadKeyHashes(String key) {
        return encryption.lookupHashes(key, THREAD_KEY);
    }

    /** The handle's lookup hashes under every key, to find it whichever key hashed it. */
    public List<String> handleHashes(ContactHandle handle) {
        return encryption.lookupHashes(handle.value(), CONTACT_HANDLE);
    }

    @Bean
    static EncryptedColumn messageBodyColumn() {
        return EncryptedColumn.of("message", "seq", "body", MESSAGE_BODY);
    }

    @Bean
    static EncryptedColumn messageAuthorColumn() {
        return EncryptedColumn.of("message", "seq", "author_name", MESSAGE_AUTHOR);
    }

    @Bean
    static EncryptedColumn conversationSubjectColumn() {
        return EncryptedColumn.of("conversation", "id", "subject", SUBJECT);
    }

    @Bean
    static EncryptedColumn conversationCustomerNameColumn() {
        return EncryptedColumn.of("conversation", "id", "customer_name", CUSTOMER_NAME);
    }

    @Bean
    static EncryptedColumn conversationCustomerEmailColumn() {
        return EncryptedColumn.of("conversation", "id", "customer_email", CUSTOMER_EMAIL);
    }

    @Bean
    static EncryptedColumn sourcePageUrlColumn() {
        return EncryptedColumn.of("conversation_source", "conversation_id", "page_url", PAGE_URL);
    }

    @Bean
    static EncryptedColumn sourceUserAgentColumn() {
        return EncryptedColumn.of("conversation_source", "conversation_id", "user_agent", USER_AGENT);
    }

    @Bean
    static EncryptedColumn sourceReferrerColumn() {
        return EncryptedColumn.of("conversation_source", "conversation_id", "referrer", REFERRER);
    }

    @Bean
    static EncryptedColumn contactNameColumn() {
        return EncryptedColumn.of("contact", "id", "name", CONTACT_NAME);
    }

    @Bean
    static EncryptedColumn contactEmailColumn() {
        return EncryptedColumn.of("contact", "id", "email", CONTACT_EMAIL);
    }

    @Bean
    static EncryptedColumn contactPhoneColumn() {
        return EncryptedColumn.of("contact", "id", "phone", CONTACT_PHONE);
    }

    /** Handles are stored normalised (see {@link ContactHandle}), so the hash is of the value as it is. */
    @Bean
    static EncryptedColumn contactHandleColumn() {
        return EncryptedColumn.of("contact_handle", "id", "handle", CONTACT_HANDLE)
                .withLookupHash("handle_hash", value -> value);
    }

    @Bean
    static EncryptedColumn csatCommentColumn() {
        return EncryptedColumn.of("csat_rating", "conversation_id", "comment", CSAT_COMMENT);
    }

    @Bean
    static EncryptedColumn verifiedEmailColumn() {
        return EncryptedColumn.of("verified_conversation", "conversation_id", "email", VERIFIED_EMAIL);
    }

    /** The host site's customer id is compared exactly as it came signed, so the hash is of the value as it is. */
    @Bean
    static EncryptedColumn verifiedCustomerIdColumn() {
        return EncryptedColumn.of("verified_conversation", "conversation_id", "customer_id", VERIFIED_CUSTOMER_ID)
                .withLookupHash("customer_hash", value -> value);
    }

    @Bean
    static EncryptedColumn attachmentFilenameColumn() {
        return EncryptedColumn.of("message_attachment", "id", "filename", ATTACHMENT_FILENAME);
    }

    /** Thread keys are stored cut (see {@link #threadKey}), so the hash is of the value as it is. */
    @Bean
    static EncryptedColumn threadKeyColumn() {
        return EncryptedColumn.of("conversation_thread", "id", "thread_key", THREAD_KEY)
                .withLookupHash("key_hash", value -> value);
    }

    /** A provider's error often names the recipient (a rejected number or address) or echoes what was sent. */
    @Bean
    static EncryptedColumn deliveryErrorColumn() {
        return EncryptedColumn.of("message_delivery", "message_id", "last_error", DELIVERY_ERROR);
    }
}
