package org.text2ct.train.phantom;

import com.google.gson.annotations.SerializedName;
import java.util.Locale;

/** Size of a pleural effusion. */
public enum Amount {
    @SerializedName("small") SMALL(0.28, 0.38),
    @SerializedName("moderate") MODERATE(0.42, 0.52),
    @SerializedName("large") LARGE(0.58, 0.68);

    /** Fluid depth as a fraction of the lung's anteroposterior extent at the base. */
    public final double depthFraction;
    /** Fluid height as a fraction of the lung's craniocaudal extent. */
    public final double heightFraction;

    Amount(double depthFraction, double heightFraction) {
        this.depthFraction = depthFraction;
        this.heightFraction = heightFraction;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
