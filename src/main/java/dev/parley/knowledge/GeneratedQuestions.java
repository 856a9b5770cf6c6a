package dev.parley.knowledge;

import dev.parley.knowledge.internal.GeneratedExampleRepository;
import dev.parley.knowledge.internal.GeneratedExampleRepository.ArticleContent;
import dev.parley.knowledge.internal.GeneratedExampleRepository.Failure;
import dev.parley.knowledge.internal.KnowledgeChanges;
import dev.parley.shared.ApiException;
import dev.parley.shared.CleanText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Example questions written by a model for articles that have none of their own (most prose help centers): which
 * articles need them (none yet, or the article changed since), storing them (the index and the scorer learn from
 * them like from written examples), and removing one an editor does not want. An article's own examples always
 * win: once it has any, its generated ones are no longer used. An article the model fails on (a refused request, an
 * answer without questions) is asked again after a wait that doubles with each failure, and only once the articles
 * never asked have had their turn, so a few such articles cannot take every run's places.
 */
@Service
public class GeneratedQuestions {

    public static final int MAX_QUESTIONS = 10;
    static final Duration FIRST_RETRY = Duration.ofMinutes(15);
    static final Duration LONGEST_RETRY = Duration.ofHours(24);
    private static final int PAGE = 500;

    private final GeneratedExampleRepository repository;
    private final KnowledgeChanges changes;
    private final Clock clock;

    GeneratedQuestions(GeneratedExampleRepository repository, KnowledgeChanges changes, Clock clock) {
        this.repository = repository;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Up to {@code limit} published articles without own examples whose generated questions are missing or stale:
     * first those the model has not failed on for their current content, then those whose wait after a failure is
     * over, longest waiting first.
     */
    @Transactional(readOnly = true)
    public List<ArticleToAsk> needed(int limit) {
        Map<String, String> done = repository.hashes();
        Map<String, Failure> failures = repository.failures();
        Instant now = clock.instant();
        List<ArticleToAsk> fresh = new ArrayList<>();
        List<ArticleToAsk> due = new ArrayList<>();
        String after = "";
        for (List<ArticleContent> page = repository.withoutOwnExamples(after, PAGE); !page.isEmpty()
                && fresh.size() < limit; page = repository.withoutOwnExamples(after, PAGE)) {
            for (ArticleContent a : page) {
                String hash = hash(a.title(), a.body());
                if (hash.equals(done.get(a.id()))) {
                    continue;
                }
                ArticleToAsk ask = new ArticleToAsk(a.id(), a.title(), a.body(), a.locale(), hash);
                Failure failed = failures.get(a.id());
                if (failed == null || !failed.contentHash().equals(hash)) {
                    fresh.add(ask);
                } else if (!failed.retryAt().isAfter(now)) {
                    due.add(ask);
                }
            }
            after = page.getLast().id();
        }
        due.sort(Comparator.comparing(a -> failures.get(a.id()).retryAt()));
        List<ArticleToAsk> needed = new ArrayList<>(fresh);
        needed.addAll(due);
        return needed.subList(0, Math.min(limit, needed.size()));
    }

    /**
     * Notes that the model could not write questions for an article's content ({@code reason}, shown to editors), so
     * it is asked again only after a wait: 15 minutes after the first failure, doubling up to a day.
     */
    @Transactional
    public void failed(ArticleToAsk article, String reason) {
        int attempts = repository.failure(article.id()).filter(f -> f.contentHash().equals(article.contentHash()))
                .map(f -> f.attempts() + 1).orElse(1);
        Duration doubled = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 7));
        Duration wait = doubled.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : doubled;
        Instant now = clock.instant();
        String why = reason == null || reason.isBlank() ? "unknown" : CleanText.of(reason).strip();
        repository.recordFailure(new Failure(article.id(), article.contentHash(), attempts,
                why.length() > 500 ? why.substring(0, 500) : why, now, now.plus(wait)));
    }

    /** Why the model could not write questions for the article as it is now, if it could not. */
    @Transactional(readOnly = true)
    public Optional<FailedGeneration> failure(String articleId) {
        return repository.failure(articleId).filter(f -> repository.withoutOwnExamples(articleId)
                        .filter(a -> hash(a.title(), a.body()).equals(f.contentHash())).isPresent())
                .map(f -> new FailedGeneration(f.attempts(), f.reason(), f.failedAt(), f.retryAt()));
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

    /** The model's failures in a row to write questions for an article's current content, and the next try. */
    public record FailedGeneration(int attempts, String reason, Instant lastFailedAt, Instant nextTryAt) {
    }

    /** An article to write questions for, with the content hash they will be stored under. */
    public record ArticleToAsk(String id, String title, String body, String locale, String contentHash) {
    }
}
