package dev.parley.assistant.llm;

import java.util.Locale;

/** The languages the detector knows; a generative provider is told to answer in the customer's one. */
public enum CustomerLanguage {
    ENGLISH("en"), GERMAN("de"), FRENCH("fr"), SPANISH("es"), ITALIAN("it"), DUTCH("nl"), PORTUGUESE("pt");

    private final String code;

    CustomerLanguage(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The English name, as the prompt names it. */
    public String displayName() {
        return Locale.of(code).getDisplayLanguage(Locale.ENGLISH);
    }
}
