package org.text2ct.train.phantom;

import com.google.gson.annotations.SerializedName;
import java.util.Locale;

/** Patient side; LEFT is +x in the RAS grid. */
public enum Side {
    @SerializedName("right") RIGHT(-1),
    @SerializedName("left") LEFT(1);

    /** Sign of x (mm) on this side of the midline. */
    public final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    public Side opposite() {
        return this == LEFT ? RIGHT : LEFT;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Side parse(String text) {
        for (Side s : values()) {
            if (s.word().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown side '" + text + "', use right or left");
    }
}
