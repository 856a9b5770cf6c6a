package dev.parley.assistant;

import dev.parley.assistant.internal.eval.EvalCommand;
import java.util.Arrays;

/**
 * The {@code eval} command line: measures the assistant's production pipeline on a knowledge-base file
 * and labelled questions, without the web server or a database.
 */
public final class AssistantEvalCommand {

    public static final String NAME = "eval";

    private AssistantEvalCommand() {
    }

    /** {@code args} as given to the application, starting with {@code eval}; returns the exit code. */
    public static int run(String... args) {
        return EvalCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err);
    }
}
