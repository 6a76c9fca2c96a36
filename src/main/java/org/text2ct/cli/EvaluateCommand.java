package org.text2ct.cli;

import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.text2ct.diffusion.CancelToken;
import org.text2ct.eval.View;
import org.text2ct.pipeline.PromptList;
import org.text2ct.pipeline.eval.BiomedClipCheckpoint;
import org.text2ct.pipeline.eval.BiomedClipScorer;
import org.text2ct.pipeline.eval.EvaluationCsv;
import org.text2ct.pipeline.eval.EvaluationRequest;
import org.text2ct.pipeline.eval.EvaluationResult;
import org.text2ct.pipeline.eval.Extractors;
import org.text2ct.pipeline.eval.FeatureEvaluation;
import org.text2ct.pipeline.eval.VolumeFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate}: 2.5D FID (and CLIP score) of a folder of generated volumes against a folder of references. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"FID and CLIP score per view of generated volumes against reference volumes.",
            "Values from different extractors are not comparable with each other or with published figures."})
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--generated", required = true, paramLabel = "DIR", description = "Folder of generated volumes")
    Path generated;

    @Option(names = "--reference", required = true, paramLabel = "DIR", description = "Folder of reference volumes")
    Path reference;

    @Option(names = "--extractor", paramLabel = "NAME", defaultValue = Extractors.VAE_LATENT,
            description = "Feature network: vae-latent (needs --model or --vae) or resnet50 (needs --weights); default ${DEFAULT-VALUE}")
    String extractor;

    @Option(names = "--weights", paramLabel = "FILE", description = "ResNet-50 weights (.pt or .safetensors)")
    Path weights;

    @Option(names = "--model", paramLabel = "DIR", description = "Model package whose VAE gives vae-latent features")
    Path model;

    @Option(names = "--vae", paramLabel = "FILE", description = "VAE weights (.safetensors with a 'config' entry) for vae-latent")
    Path vae;

    @Option(names = "--prompts", paramLabel = "FILE", description = "One prompt per line (one for all, or one per generated volume) for CLIP score; needs --clip")
    Path prompts;

    @Option(names = "--clip", paramLabel = "DIR",
            description = "BiomedCLIP folder from Hugging Face (open_clip_config.json, open_clip_pytorch_model.bin or .safetensors, tokenizer.json)")
    Path clip;

    @Option(names = "--clip-sha256", paramLabel = "HEX", description = "Expected SHA-256 of the BiomedCLIP weight file")
    String clipSha256;

    @Option(names = "--views", paramLabel = "V,V", split = ",", defaultValue = "axial,sagittal,coronal",
            description = "Views to score; default ${DEFAULT-VALUE}")
    List<String> views;

    @Option(names = "--csv", required = true, paramLabel = "OUT.csv", description = "Result table (one row)")
    Path csv;

    @Option(names = "--overwrite", description = "Replace OUT.csv if it exists")
    boolean overwrite;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu; default ${DEFAULT-VALUE}")
    String device;

    @Override
    public Integer call() throws Exception {
        if (!overwrite && Files.exists(csv)) {
            throw new FileAlreadyExistsException(csv + " already exists (pass --overwrite to replace it)");
        }
        Extractors extractors = new Extractors(device);
        if (model != null) {
            extractors.withModelPackage(model);
        }
        if (vae != null) {
            extractors.withVaeWeights(vae);
        }
        if (weights != null) {
            extractors.withResNet50(weights);
        }
        if (prompts != null && clip == null) {
            throw new IllegalArgumentException("--prompts: CLIP score needs BiomedCLIP; pass --clip DIR, the folder "
                    + "downloaded from Hugging Face (microsoft/BiomedCLIP-PubMedBERT_256-vit_base_patch16_224)");
        }
        if (clip != null && prompts == null) {
            throw new IllegalArgumentException("--clip: CLIP score needs the prompts of the generated volumes; pass --prompts FILE");
        }
        EvaluationRequest request = new EvaluationRequest(VolumeFolder.read(generated), VolumeFolder.read(reference),
                prompts == null ? List.of() : PromptList.prompts(prompts), parseViews(), extractor);
        EvaluationResult r;
        try (TerminalProgress progress = new TerminalProgress("evaluate");
                BiomedClipScorer scorer = clip == null ? null : BiomedClipCheckpoint.open(clip, clipSha256, device)) {
            r = new FeatureEvaluation(extractors, scorer).evaluate(request, progress, CancelToken.NEVER);
        }
        EvaluationCsv.write(r, csv, overwrite);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "FID axial %.4f sagittal %.4f coronal %.4f mean %.4f (%s; %d generated, %d reference)%n",
                r.fidAxial(), r.fidSagittal(), r.fidCoronal(), r.fidMean(), r.extractor(), r.nGenerated(), r.nReference());
        if (clip != null) {
            o.printf(Locale.ROOT, "CLIP axial %.4f sagittal %.4f coronal %.4f mean %.4f (BiomedCLIP from %s)%n",
                    r.clipAxial(), r.clipSagittal(), r.clipCoronal(), r.clipMean(), clip);
        }
        o.printf("wrote %s%n", csv);
        o.flush();
        return 0;
    }

    private Set<View> parseViews() {
        Set<View> out = EnumSet.noneOf(View.class);
        for (String v : views) {
            try {
                out.add(View.valueOf(v.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--views: unknown view '" + v + "'; use axial, sagittal, coronal");
            }
        }
        return out;
    }
}
