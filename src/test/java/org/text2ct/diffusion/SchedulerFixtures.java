package org.text2ct.diffusion;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The scheduler fixture and its configurations, read from the test classpath. */
final class SchedulerFixtures {
    private SchedulerFixtures() {
    }

    static Path path(String name) {
        URL url = SchedulerFixtures.class.getResource("/fixtures/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource fixtures/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON text of {@code cases.schedulers.<which>} in cases.json (MONAI's argument names). */
    static String config(String which) {
        try {
            String text = Files.readString(path("cases.json"), StandardCharsets.UTF_8);
            JsonObject cases = JsonParser.parseString(text).getAsJsonObject().getAsJsonObject("cases");
            return cases.getAsJsonObject("schedulers").getAsJsonObject(which).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int intSetting(String which, String key) {
        return JsonParser.parseString(config(which)).getAsJsonObject().get(key).getAsInt();
    }
}
