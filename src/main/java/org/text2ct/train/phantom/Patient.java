package org.text2ct.train.phantom;

/**
 * Demographics that shape the anatomy.
 *
 * @param bodySize 0 = slim, 1 = large; scales body width, depth and fat
 */
public record Patient(int age, Sex sex, double bodySize) {

    public Patient {
        if (age < 18 || age > 100) {
            throw new IllegalArgumentException("age must be 18..100 years, got " + age);
        }
        if (sex == null) {
            throw new IllegalArgumentException("sex is required");
        }
        if (!(bodySize >= 0 && bodySize <= 1)) {
            throw new IllegalArgumentException("body size must be 0..1, got " + bodySize);
        }
    }
}
