package dev.parley.assistant.internal.policy;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises a customer asking for a person, in English, German, French, Spanish, Italian, Dutch and
 * Portuguese. Patterns want a verb of talking or a "real/live" qualifier next to a word for a person,
 * or a bare request ("agent please"), so that "human resources" or "my agent ID" do not trigger.
 */
public final class HumanRequest {

    private static final String PERSON = "(human|person|people|someone|somebody|agent|representative|rep|operator"
            + "|staff|employee|mensch(en)?|menschlich\\w*|person(a|e|en)?|mitarbeiter(in)?|berater(in)?|jemand(em|en)?"
            + "|humain|quelqu un|conseiller|conseillere|agent|operateur|humano|alguien|agente|operador(a)?"
            + "|representante|umano|qualcuno|operatore|medewerker|iemand|mens|atendente|alguem|pessoa)";
    private static final List<Pattern> PATTERNS = List.of(
            // en
            Pattern.compile("\\b(talk|speak|chat|connect me|transfer me|put me through)\\b.{0,25}\\b" + PERSON + "\\b"),
            Pattern.compile("\\b(real|live|actual|human)\\s+(person|human|agent|people|being|operator|support)\\b"),
            Pattern.compile("\\b(need|want|get)\\s+(me\\s+)?(a|an|to)?\\s*(human|person|agent|operator|representative)\\b"),
            Pattern.compile("^\\W*(human|agent|operator|representative|person)\\W*(please|pls|now)?\\W*$"),
            Pattern.compile("\\b(not|stop)\\s+(a|talking to a|chatting with a)\\s+(bot|robot|machine)\\b"),
            // de
            Pattern.compile("\\b(sprechen|reden|verbinden|durchstellen|weiterleiten)\\b.{0,30}\\b" + PERSON + "\\b"),
            Pattern.compile("\\b" + PERSON + "\\b.{0,30}\\b(sprechen|reden|verbinden)\\b"),
            Pattern.compile("\\b(echte[nrm]?|richtige[nrm]?)\\s+(mensch|person|mitarbeiter)"),
            // fr
            Pattern.compile("\\b(parler|discuter|mettre en relation|joindre)\\b.{0,30}\\b" + PERSON + "\\b"),
            Pattern.compile("\\b(vraie|vrai|reelle)\\s+(personne|humain|conseiller)"),
            // es, pt, it
            Pattern.compile("\\b(hablar|comunicarme|falar|parlare)\\b.{0,30}\\b" + PERSON + "\\b"),
            Pattern.compile("\\b(persona|pessoa)\\s+(real|de verdade|vera)\\b"),
            Pattern.compile("\\b(quiero|necesito|quero|preciso|voglio|vorrei)\\b.{0,20}\\b(humano|agente|operador|atendente|operatore|umano|persona|pessoa)\\b"),
            // nl
            Pattern.compile("\\b(spreken|praten|doorverbinden)\\b.{0,30}\\b" + PERSON + "\\b"),
            Pattern.compile("\\b" + PERSON + "\\b.{0,30}\\b(spreken|praten)\\b"),
            Pattern.compile("\\b(echt|echte)\\s+(mens|persoon|medewerker)\\b"));

    private HumanRequest() {
    }

    public static boolean asked(String text) {
        String normal = normalise(text);
        return PATTERNS.stream().anyMatch(p -> p.matcher(normal).find());
    }

    /** Lower case, accents stripped, apostrophes to spaces: one form for every language's patterns. */
    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").replaceAll("['’`]", " ").replaceAll("\\s+", " ").strip();
    }
}
