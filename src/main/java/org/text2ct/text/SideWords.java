package org.text2ct.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A prompt with the words "left" and "right" exchanged, keeping their capitalisation. */
public final class SideWords {
    private static final Pattern SIDE = Pattern.compile("\\b(left|right)\\b", Pattern.CASE_INSENSITIVE);

    private SideWords() {
    }

    /** {@code text} with every whole word "left" made "right" and back; unchanged when it names no side. */
    public static String swap(String text) {
        Matcher m = SIDE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group(1);
            String other = word.equalsIgnoreCase("left") ? "right" : "left";
            if (word.equals(word.toUpperCase(Locale.ROOT))) {
                other = other.toUpperCase(Locale.ROOT);
            } else if (Character.isUpperCase(word.charAt(0))) {
                other = Character.toUpperCase(other.charAt(0)) + other.substring(1);
            }
            m.appendReplacement(out, other);
        }
        m.appendTail(out);
        return out.toString();
    }
}
