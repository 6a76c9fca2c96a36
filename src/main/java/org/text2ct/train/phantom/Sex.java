package org.text2ct.train.phantom;

import com.google.gson.annotations.SerializedName;

public enum Sex {
    @SerializedName("male") MALE,
    @SerializedName("female") FEMALE
}
