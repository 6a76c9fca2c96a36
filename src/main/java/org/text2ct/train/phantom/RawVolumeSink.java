package org.text2ct.train.phantom;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code <case>.raw} (float32, little-endian, x fastest) with a {@code <case>.json} sidecar
 * naming the size, spacing, layout and orientation, so the volume reads back without guessing.
 */
public final class RawVolumeSink implements VolumeSink {

    /** The sidecar's fields. */
    record Sidecar(int[] size, double[] spacingMm, String dtype, String byteOrder, String layout,
                   String orientation) { }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();

    private final Path dir;

    public RawVolumeSink(Path dir) {
        this.dir = dir;
    }

    @Override
    public String fileName(String caseId) {
        return caseId + ".raw";
    }

    @Override
    public void write(String caseId, float[] hu, int nx, int ny, int nz, double[] spacingMm) throws IOException {
        if ((long) nx * ny * nz != hu.length) {
            throw new IllegalArgumentException(nx + "x" + ny + "x" + nz + " does not match " + hu.length + " voxels");
        }
        Files.createDirectories(dir);
        ByteBuffer bytes = ByteBuffer.allocate(hu.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(hu);
        Files.write(dir.resolve(fileName(caseId)), bytes.array());
        Sidecar meta = new Sidecar(new int[] {nx, ny, nz}, spacingMm.clone(), "float32", "little",
                "x fastest: data[x + nx*(y + ny*z)]", "RAS");
        Files.writeString(dir.resolve(caseId + ".json"), GSON.toJson(meta), StandardCharsets.UTF_8);
    }

    /** Reads a volume written by this sink. */
    public static float[] read(Path raw) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        float[] hu = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(hu);
        return hu;
    }
}
