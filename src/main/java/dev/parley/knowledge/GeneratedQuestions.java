package dev.parley.knowledge;

import dev.parley.knowledge.internal.GeneratedExampleRepository;
import dev.parley.knowledge.internal.GeneratedExampleRepository.ArticleContent;
import dev.parley.knowledge.internal.KnowledgeChanges;
import dev.parley.shared.ApiException;
import dev.parley.shared.CleanText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Example questions written by a model for articles that have none of their own (most prose help centers): which
 * articles need them (none yet, or the article changed since), storing them (the index and the scorer learn from
 * them like from written examples), and removing one an editor does not want. An article's own examples always
 * win: once it has any, its generated ones are no longer used.
 */
@Service
public class GeneratedQuestions {

    public static final int MAX_QUESTIONS = 10;

    private final GeneratedExampleRepository repository;
    private final KnowledgeChanges changes;
    private final Clock clock;

    GeneratedQuestions(GeneratedExampleRepository repository, KnowledgeChanges changes, Clock clock) {
        this.repository = repository;
        this.changes = changes;
        this.clock = clock;
    }

    /** Up to {@code limit} published articles without own examples whose generated questions are missing or stale. */
    @Transactional(readOnly = true)
    public List<ArticleToAsk> needed(int limit) {
        Map<String, String> done = repository.hashes();
        List<ArticleToAsk> needed = new ArrayList<>();
        for (ArticleContent a : repository.withoutOwnExamples(10_000)) {
            String hash = hash(a.title(), a.body());
            if (!hash.equals(done.get(a.id()))) {
                needed.add(new ArticleToAsk(a.id(), a.title(), a.body(), a.locale(), hash));
                if (needed.size() >= limit) {
                    break;
                }
            }
        }
        return needed;
    }

    /** Stores the questions written for an article's content (ignored when the article changed meanwhile). */
    @Transactional
    public boolean store(ArticleToAsk article, List<String> questions) {
        boolean current = repository.withoutOwnExamples(article.id())
                .filter(a -> hash(a.title(), a.body()).equals(article.contentHash())).isPresent();
        if (!current) {
            return false;
        }
        repository.replace(article.id(), article.contentHash(), usable(questions), clock.instant());
        changes.changed(List.of(article.id()));
        return true;
    }

    /**
     * The questions kept of those a model wrote: cleaned, 3 to 300 characters with a letter, no repeats, at most
     * {@link #MAX_QUESTIONS}.
     */
    public static List<String> usable(List<String> questions) {
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String q : questions) {
            String text = CleanText.of(q).strip();
            if (text.length() >= 3 && text.length() <= 300 && text.codePoints().anyMatch(Character::isLetter)) {
                clean.add(text);
            }
        }
        return clean.stream().limit(MAX_QUESTIONS).toList();
    }

    /** Removes one generated question from an article (the editor's remove button). */
    @Transactional
    public void remove(String articleId, String question) {
        if (!repository.remove(articleId, question)) {
            throw ApiException.notFound("Generated question '" + question + "' of article " + articleId);
        }
        changes.changed(List.of(articleId));
    }

    static String hash(String title, String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((title + "\n" + body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An article to write questions for, with the content hash they will be stored under. */
    public record ArticleToAsk(String id, String title, String body, String locale, String contentHash) {
    }
}
