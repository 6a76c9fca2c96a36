package org.text2ct.fiji;

/** Parses the "X,Y,Z" text of size and spacing fields; blank means "use the model's". */
final class Triples {
    private Triples() {
    }

    static int[] ints(String text, String field, int[] fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String[] parts = split(text, field);
        int[] v = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                v[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + " needs three whole numbers X,Y,Z (e.g. 512,512,192), got '" + text + "'");
            }
        }
        return v;
    }

    static double[] doubles(String text, String field, double[] fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String[] parts = split(text, field);
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + " needs three numbers in mm X,Y,Z (e.g. 0.75,0.75,1.5), got '" + text + "'");
            }
        }
        return v;
    }

    private static String[] split(String text, String field) {
        String[] parts = text.trim().split("\\s*[,x×]\\s*");
        if (parts.length != 3) {
            throw new IllegalArgumentException(field + " needs three values X,Y,Z separated by commas, got '" + text + "'");
        }
        return parts;
    }
}
