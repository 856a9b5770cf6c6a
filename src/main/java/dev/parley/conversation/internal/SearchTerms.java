package dev.parley.conversation.internal;

import dev.parley.conversation.PersonalTexts;
import dev.parley.encryption.DerivedHashes;
import dev.parley.encryption.Encryption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox search index without plain text (ADR 0029): for each conversation, keyed hashes of the normalised words
 * of its messages, subject, customer name and address, and of each word's prefixes from 3 to {@value #MAX_PREFIX}
 * characters, so "refu" finds "refund". Written in the transaction that writes the text; a query's words must all
 * be there. Hashes are under the active key; after a rotation the background pass rebuilds them.
 */
@Repository
public class SearchTerms implements DerivedHashes {

    static final String PURPOSE = "conversation.search-term";
    static final int MIN_PREFIX = 3;
    static final int MAX_PREFIX = 16;
    /** Terms of one text at most: a huge pasted log should not write a hundred thousand rows. */
    static final int MAX_TERMS = 5_000;
    /** Words of a query at most: a pasted paragraph narrows by its first words, not by a statement of 500 joins. */
    static final int MAX_QUERY_WORDS = 12;
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Encryption encryption;
    private final PersonalTexts texts;
    private final TransactionTemplate transactions;

    public SearchTerms(JdbcClient jdbc, JdbcTemplate batch, Encryption encryption, PersonalTexts texts,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.encryption = encryption;
        this.texts = texts;
        this.transactions = transactions;
    }

    /** Lower-cased, accents folded, split on everything that is not a letter or a digit. */
    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("");
        return SEPARATORS.splitAsStream(folded).filter(word -> !word.isEmpty()).toList();
    }

    /** What a text is found by: short words as they are, longer ones by each prefix of 3 to 16 characters. */
    static Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (String word : words(text)) {
            if (word.length() < MIN_PREFIX) {
                terms.add(word);
            }
            for (int end = MIN_PREFIX; end <= Math.min(word.length(), MAX_PREFIX); end++) {
                terms.add(word.substring(0, end));
                if (terms.size() >= MAX_TERMS) {
                    return terms;
                }
            }
        }
        return terms;
    }

    /**
     * A query's words as the index holds them (words longer than the longest prefix match by that prefix), the
     * first {@value #MAX_QUERY_WORDS} distinct ones: each is one condition of the query.
     */
    static List<String> queryTerms(String text) {
        return words(text).stream().map(word -> word.length() > MAX_PREFIX ? word.substring(0, MAX_PREFIX) : word)
                .distinct().limit(MAX_QUERY_WORDS).toList();
    }

    /** Adds the terms of {@code plainTexts} to the conversation's (in the caller's transaction). */
    public void add(UUID conversationId, String... plainTexts) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : plainTexts) {
            terms.addAll(terms(text));
        }
        if (terms.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(terms.size());
        for (String term : terms) {
            rows.add(new Object[] {conversationId, encryption.lookupHash(term, PURPOSE)});
        }
        batch.batchUpdate("INSERT INTO conversation_term (conversation_id, term_hash) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING", rows);
    }

    /**
     * An SQL condition on {@code c} (a conversation) that every word of {@code text} meets, its parameters put into
     * {@code params}; a text without any word matches nothing.
     */
    String condition(String text, Map<String, Object> params) {
        List<String> words = queryTerms(text);
        if (words.isEmpty()) {
            return "1 = 0";
        }
        List<String> clauses = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            clauses.add("EXISTS (SELECT 1 FROM conversation_term t WHERE t.conversation_id = c.id AND t.term_hash IN (:term"
                    + i + "))");
            params.put("term" + i, encryption.lookupHashes(words.get(i), PURPOSE));
        }
        return String.join(" AND ", clauses);
    }

    /** Forgets a conversation's terms (its texts were erased). */
    public void remove(List<UUID> conversationIds) {
        if (!conversationIds.isEmpty()) {
            jdbc.sql("DELETE FROM conversation_term WHERE conversation_id IN (:ids)").param("ids", conversationIds)
                    .update();
        }
    }

    /** The target of a merge is found by everything the merged conversation was found by. */
    public void copy(UUID sourceId, UUID targetId) {
        jdbc.sql("""
                INSERT INTO conversation_term (conversation_id, term_hash)
                SELECT :t, s.term_hash FROM conversation_term s WHERE s.conversation_id = :s
                ON CONFLICT DO NOTHING""").param("s", sourceId).param("t", targetId).update();
    }

    /** Builds a conversation's terms again from its texts, under the active key (its row locked meanwhile). */
    public void rebuild(UUID conversationId) {
        List<String> own = jdbc.sql("SELECT subject, customer_name, customer_email FROM conversation WHERE id = :id"
                        + " FOR UPDATE")
                .param("id", conversationId)
                .query((rs, i) -> List.of(nullToEmpty(texts.open(rs.getString(1), PersonalTexts.SUBJECT)),
                        nullToEmpty(texts.open(rs.getString(2), PersonalTexts.CUSTOMER_NAME)),
                        nullToEmpty(texts.open(rs.getString(3), PersonalTexts.CUSTOMER_EMAIL))))
                .optional().orElse(null);
        jdbc.sql("DELETE FROM conversation_term WHERE conversation_id = :id").param("id", conversationId).update();
        if (own == null) {
            return;
        }
        List<String> all = new ArrayList<>(own);
        jdbc.sql("SELECT body FROM message WHERE conversation_id = :id ORDER BY seq").param("id", conversationId)
                .query((rs, i) -> texts.open(rs.getString(1), PersonalTexts.MESSAGE_BODY))
                .list().forEach(all::add);
        add(conversationId, all.toArray(String[]::new));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String name() {
        return "conversation_term.term_hash";
    }

    /** Conversations with a term under another key than the active one, or with none yet (older than the index). */
    @Override
    public List<?> rebuildAfter(Object after, int limit) {
        String active = encryption.activeKeyId() + ":%";
        List<UUID> ids = jdbc.sql("""
                SELECT c.id FROM conversation c
                WHERE c.id > :after
                  AND (NOT EXISTS (SELECT 1 FROM conversation_term t WHERE t.conversation_id = c.id)
                       OR EXISTS (SELECT 1 FROM conversation_term t WHERE t.conversation_id = c.id
                                  AND t.term_hash NOT LIKE :active))
                ORDER BY c.id FETCH FIRST :limit ROWS ONLY""")
                .param("after", after == null ? new UUID(0, 0) : after).param("active", active).param("limit", limit).query(UUID.class).list();
        for (UUID id : ids) {
            transactions.executeWithoutResult(status -> rebuild(id));
        }
        return ids;
    }
}
