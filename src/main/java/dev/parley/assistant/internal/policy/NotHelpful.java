package dev.parley.assistant.internal.policy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises a customer saying the answer did not help or missed their question ("that doesn't help",
 * "you're not answering my question"), in the languages {@link HumanRequest} reads. Bare "no sirve" /
 * "werkt niet" style phrases are left out: they usually describe a broken product, not the answer.
 */
final class NotHelpful {

    private static final List<Pattern> PATTERNS = List.of(
            // en
            Pattern.compile("\\b(doesn t|does not|didn t|did not|don t|won t|isn t|is not|wasn t|not) (really )?help"),
            Pattern.compile("\\b(not |un)helpful\\b|\\bno help\\b|\\bnot useful\\b|\\buseless answer"),
            Pattern.compile("\\b(not|never|didn t|did not|don t|doesn t|does not|aren t|are not|haven t) (even )?"
                    + "(answer|answering|answered|respond\\w*) (to )?(my|the) question"),
            Pattern.compile("\\b(you re|you are) not (answering|listening|understanding)"),
            Pattern.compile("\\bnot (what|the question) i (asked|meant|wanted)|\\bnot my question\\b"
                    + "|\\bthat s not it\\b|\\bwrong answer\\b|\\byou (don t|do not) understand\\b"),
            // de
            Pattern.compile("\\b(hilft|half) (mir )?(nicht|nichts|kein)|\\b(hat|hast) mir nicht geholfen"
                    + "|\\bnicht hilfreich|\\bkeine hilfe\\b|\\bbringt mir nichts\\b"),
            Pattern.compile("\\b(nicht|keine antwort auf) meine frage|\\bbeantwort(e|en|et|est) (meine frage )?nicht"
                    + "|\\bfalsche antwort|\\bverstehst mich nicht|\\bverstehen mich nicht"),
            // fr
            Pattern.compile("\\b(ne|n) m aide (pas|en rien)|\\b(ca|cela) n aide pas|\\bpas (utile|d aide)\\b"
                    + "|\\bne sert a rien"),
            Pattern.compile("\\bne repon(d|dez|ds) pas a ma question|\\bpas (a )?ma question|\\bmauvaise reponse"
                    + "|\\bne (me )?comprenez pas|\\bne me comprends pas"),
            // es
            Pattern.compile("\\bno me (ayuda|ayudo|ha ayudado|sirve de nada)|\\bno (es|fue) (de )?(util|ayuda)"
                    + "|\\bno ayuda\\b"),
            Pattern.compile("\\bno (responde|respondes|contesta|contestas|has respondido) (a )?mi pregunta"
                    + "|\\bno es (lo que|mi pregunta)|\\brespuesta incorrecta|\\bno me entiende"),
            // it
            Pattern.compile("\\bnon mi (aiuta|ha aiutato|e utile|serve a niente)|\\bnon e (utile|d aiuto)"
                    + "|\\bnon aiuta\\b"),
            Pattern.compile("\\bnon (rispondi|risponde|hai risposto) (alla )?(mia )?domanda|\\bnon e la mia domanda"
                    + "|\\brisposta sbagliata|\\bnon mi capisci"),
            // nl
            Pattern.compile("\\bhelpt (me |mij )?(niet|niks)|\\bniet (behulpzaam|nuttig)|\\bheb ik niets aan"
                    + "|\\bgeen antwoord op mijn vraag|\\bniet mijn vraag|\\bbeantwoordt? (mijn vraag )?niet"
                    + "|\\bverkeerd antwoord|\\bbegrijpt me niet"),
            // pt
            Pattern.compile("\\bnao (me )?(ajuda|ajudou|ajudando)|\\bnao (e|foi) (util|de ajuda)"
                    + "|\\bnao (responde|respondeu|respondeste) (a )?(minha )?pergunta|\\bnao e (a )?minha pergunta"
                    + "|\\bresposta errada|\\bnao me entende"));

    private NotHelpful() {
    }

    static boolean said(String text) {
        String normal = HumanRequest.normalise(text);
        return PATTERNS.stream().anyMatch(p -> p.matcher(normal).find());
    }
}
