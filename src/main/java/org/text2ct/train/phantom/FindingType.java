package org.text2ct.train.phantom;

import com.google.gson.annotations.SerializedName;

public enum FindingType {
    @SerializedName("solid_nodule") SOLID_NODULE,
    @SerializedName("ground_glass_nodule") GROUND_GLASS_NODULE,
    @SerializedName("pleural_effusion") PLEURAL_EFFUSION,
    @SerializedName("consolidation") CONSOLIDATION,
    @SerializedName("cardiomegaly") CARDIOMEGALY,
    @SerializedName("emphysema") EMPHYSEMA;

    public boolean isNodule() {
        return this == SOLID_NODULE || this == GROUND_GLASS_NODULE;
    }
}
