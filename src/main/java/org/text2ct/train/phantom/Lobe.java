package org.text2ct.train.phantom;

import com.google.gson.annotations.SerializedName;
import java.util.Locale;

/** Lung lobe; MIDDLE exists only in the right lung. */
public enum Lobe {
    @SerializedName("upper") UPPER,
    @SerializedName("middle") MIDDLE,
    @SerializedName("lower") LOWER;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean existsOn(Side side) {
        return this != MIDDLE || side == Side.RIGHT;
    }

    /** "left lower lobe": the wording used in reports and matched by tests. */
    public String phrase(Side side) {
        return side.word() + " " + word() + " lobe";
    }

    public static Lobe parse(String text) {
        for (Lobe l : values()) {
            if (l.word().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown lobe '" + text + "', use upper, middle or lower");
    }
}
