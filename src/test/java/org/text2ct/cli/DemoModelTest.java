package org.text2ct.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.text2ct.volume.CtVolume;
import org.text2ct.volume.VolumeFiles;

/** README's main command: {@code generate} with no --model uses the bundled demo model and gives a chest CT. */
class DemoModelTest {

    @Test
    void generateWithoutAModelGivesAChestCtWithAirLungSoftTissueAndBone(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo.nii.gz");
        VerifyCommandTest.Run r = VerifyCommandTest.run("generate", "--prompt",
                "Chest CT of a 64 year old woman. Solid nodule in the right upper lobe, 18 mm.", "--seed", "1",
                "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        CtVolume v = VolumeFiles.read(out);
        assertArrayEquals(new int[] {128, 128, 64}, v.size());
        assertArrayEquals(new double[] {3, 3, 5}, v.spacing(), 1e-6);
        long air = 0, lung = 0, soft = 0, bone = 0;
        for (int z = 0; z < v.nz(); z++) {
            for (float hu : v.plane(z)) {
                air += hu < -950 ? 1 : 0;
                lung += hu >= -950 && hu < -600 ? 1 : 0;
                soft += hu >= -100 && hu < 100 ? 1 : 0;
                bone += hu >= 300 ? 1 : 0;
            }
        }
        double n = v.voxelCount();
        String shares = String.format("air %.3f lung %.3f soft tissue %.3f bone %.4f", air / n, lung / n, soft / n, bone / n);
        System.out.println("demo volume HU classes: " + shares);
        assertTrue(air / n > 0.2, shares);
        assertTrue(lung / n > 0.05, shares);
        assertTrue(soft / n > 0.1, shares);
        assertTrue(bone / n > 0.0005, shares);
    }
}
