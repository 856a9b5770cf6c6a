package dev.parley.assistant.llm;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows the model's JSON as it streams and forwards only the text of its {@code answer} field, once
 * {@code answerable: true} has been seen. It holds the last characters back and stops for good if the
 * text starts to repeat the system prompt, so a preview never shows what the final guard would block.
 */
final class AnswerStream implements Consumer<String> {

    private static final Pattern ANSWER_START = Pattern.compile("\"answer\"\\s*:\\s*\"");
    private static final Pattern ANSWERABLE = Pattern.compile("\"answerable\"\\s*:\\s*true");
    private static final int HOLD_BACK = 48;

    private final StringBuilder raw = new StringBuilder();
    private final StringBuilder answer = new StringBuilder();
    private final OutputGuard guard;
    private final Consumer<String> preview;
    private int cursor = -1;
    private boolean answerable;
    private boolean closed;
    private boolean stopped;
    private int published;

    AnswerStream(OutputGuard guard, Consumer<String> preview) {
        this.guard = guard;
        this.preview = preview;
    }

    @Override
    public void accept(String delta) {
        raw.append(delta);
        if (cursor < 0) {
            Matcher start = ANSWER_START.matcher(raw);
            if (!start.find()) {
                return;
            }
            cursor = start.end();
            answerable = ANSWERABLE.matcher(raw.substring(0, start.start())).find();
        }
        decode();
        if (answerable && !stopped) {
            publish();
        }
    }

    /** Whether anything reached the customer as a preview. */
    boolean previewed() {
        return published > 0;
    }

    private void decode() {
        int i = cursor;
        while (i < raw.length() && !closed) {
            char c = raw.charAt(i);
            if (c == '"') {
                closed = true;
                i++;
            } else if (c == '\\') {
                int consumed = escape(i);
                if (consumed == 0) {
                    break;
                }
                i += consumed;
            } else {
                answer.append(c);
                i++;
            }
        }
        cursor = i;
    }

    /** Decodes the escape at {@code i}; 0 when it is not complete yet. */
    private int escape(int i) {
        if (i + 1 >= raw.length()) {
            return 0;
        }
        char kind = raw.charAt(i + 1);
        if (kind == 'u') {
            if (i + 6 > raw.length()) {
                return 0;
            }
            answer.append((char) Integer.parseInt(raw.substring(i + 2, i + 6), 16));
            return 6;
        }
        answer.append(switch (kind) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            default -> kind;
        });
        return 2;
    }

    private void publish() {
        if (guard.leaks(answer.toString())) {
            stopped = true;
            return;
        }
        int safe = closed ? answer.length() : answer.length() - HOLD_BACK;
        if (safe > published) {
            preview.accept(answer.substring(published, safe));
            published = safe;
        }
    }
}
