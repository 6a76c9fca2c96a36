package org.text2ct.diffusion;

/** What the network predicts; labels are MONAI's {@code prediction_type} values. */
public enum PredictionType {
    EPSILON("epsilon"), SAMPLE("sample"), V_PREDICTION("v_prediction");

    private final String label;

    PredictionType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
