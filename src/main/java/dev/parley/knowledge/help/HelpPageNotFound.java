package dev.parley.knowledge.help;

/** A help-center page that does not exist (or is not published): answered with the 404 page. */
class HelpPageNotFound extends RuntimeException {

    HelpPageNotFound(String what) {
        super(what);
    }
}
