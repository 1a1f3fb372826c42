package org.reclaim.demo;

/** Rows for one COPY into one table, in PostgreSQL's text format (tab-separated, \N for null). */
record CopyChunk(String table, String columns, String rows, int count) {

    String copySql() {
        return "copy " + table + " (" + columns + ") from stdin";
    }
}
