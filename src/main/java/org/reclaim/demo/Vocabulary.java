package org.reclaim.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The word lists synthetic names and addresses are made from (resource demo/names.txt). */
record Vocabulary(List<String> forenames, List<String> surnames, List<String> streets, List<String> suffixes) {

    static Vocabulary load() {
        try (InputStream in = Vocabulary.class.getResourceAsStream("/demo/names.txt")) {
            if (in == null) {
                throw new IllegalStateException("demo/names.txt is missing from the classpath");
            }
            Map<String, List<String>> lists = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                lists.put(line.substring(0, colon).trim(), List.of(line.substring(colon + 1).trim().split(",")));
            }
            return new Vocabulary(lists.get("forenames"), lists.get("surnames"), lists.get("streets"), lists.get("suffixes"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
