package org.reclaim.contactcentre;

/** A file's text as an error message quotes it: printable, and at most 40 characters. */
final class CsvLine {

    private CsvLine() {
    }

    static String shorten(String text) {
        String printable = text.replace('\u0000', '\uFFFD');
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
