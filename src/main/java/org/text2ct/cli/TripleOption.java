package org.text2ct.cli;

/** Options given as three comma-separated positive numbers (x, y, z). */
final class TripleOption {
    private TripleOption() {
    }

    static double[] doubles(String option, String text) {
        String[] parts = text.split(",");
        double[] v = new double[3];
        try {
            if (parts.length != 3) {
                throw new NumberFormatException();
            }
            for (int i = 0; i < 3; i++) {
                v[i] = Double.parseDouble(parts[i].strip());
                if (!(v[i] > 0) || Double.isInfinite(v[i])) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs three positive numbers like 1.5,1.5,2, got '" + text + "'");
        }
        return v;
    }

    static int[] ints(String option, String text) {
        double[] v = doubles(option, text);
        int[] n = new int[3];
        for (int i = 0; i < 3; i++) {
            if (v[i] != Math.rint(v[i])) {
                throw new IllegalArgumentException(option + " needs whole voxel counts, got '" + text + "'");
            }
            n[i] = (int) v[i];
        }
        return n;
    }
}
