package org.text2ct.pipeline.pkg;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Writes a package folder: copies the weight and tokenizer files under the names the manifest
 * gives, records their SHA-256, writes model.json pretty-printed, and opens the result to check it.
 * Everything is built in a hidden sibling folder and moved into place at the end, so a failure
 * leaves no half-written package and an existing one is replaced only with {@code overwrite}.
 */
public final class ModelPackageWriter {
    /** Where the package's files come from; the text encoder's two are null when its type is none. */
    public record Sources(Path autoencoder, Path unet, Path textEncoder, Path tokenizer) {
    }

    private ModelPackageWriter() {
    }

    /** Writes the package; the manifest's sha256 fields are ignored and computed from the files. */
    public static ModelPackage write(Path dir, ModelManifest manifest, Sources sources, boolean overwrite)
            throws IOException {
        if (Files.exists(dir) && !isEmptyDirectory(dir) && !overwrite) {
            throw new FileAlreadyExistsException(dir.toString(), null,
                    "a model package (or other files) is already there; pass --overwrite to replace it");
        }
        Path tmp = Dirs.siblingTemp(dir, "writing");
        try {
            JsonObject json = ManifestWriter.toJson(manifest);
            copy(sources.autoencoder(), tmp, json.getAsJsonObject("autoencoder"));
            copy(sources.unet(), tmp, json.getAsJsonObject("unet"));
            JsonObject text = json.getAsJsonObject("text_encoder");
            if (manifest.textEncoder().file() != null) {
                copy(sources.textEncoder(), tmp, text);
                copy(sources.tokenizer(), tmp, text.getAsJsonObject("tokenizer"));
            }
            String manifestText = ManifestWriter.toText(ManifestReader.parse(json.toString()));
            Files.writeString(tmp.resolve(ModelManifest.MANIFEST_FILE), manifestText, StandardCharsets.UTF_8);
            ModelPackage.open(tmp);
            replace(dir, tmp);
            return ModelPackage.open(dir);
        } finally {
            Dirs.deleteRecursively(tmp);
        }
    }

    /** Copies {@code source} to the entry's file name and records its SHA-256 in the entry. */
    private static void copy(Path source, Path dir, JsonObject entry) throws IOException {
        String name = entry.get("file").getAsString();
        if (source == null || !Files.isRegularFile(source)) {
            throw new ModelPackageException("cannot write " + name + ": source file " + source + " does not exist");
        }
        Path target = dir.resolve(name);
        Files.copy(source, target);
        entry.addProperty("sha256", FileHashes.of(target));
    }

    private static void replace(Path dir, Path tmp) throws IOException {
        if (!Files.exists(dir)) {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        // Keep the old package until the new one is in place.
        Path old = Dirs.siblingTemp(dir, "old");
        Files.delete(old);
        Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, dir, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        Dirs.deleteRecursively(old);
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.findAny().isEmpty();
        }
    }
}
