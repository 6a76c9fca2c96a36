// Synthesise one CT per prompt and seed with Plugins > Text2CT > Generate CT from Text,
// and save each as a TIFF (HU, calibrated in mm, with its prompt and seed in the Info).
// Copy this file into Fiji's macros/ folder, or open it with Plugins > Macros > Run...
prompts = newArray(
    "left lower lobe nodule",
    "right pleural effusion",
    "cardiomegaly without pulmonary nodules");
seeds = newArray(1, 2, 3);
output = getDirectory("Choose a folder for the generated volumes");
setBatchMode(true);
for (p = 0; p < prompts.length; p++) {
    for (s = 0; s < seeds.length; s++) {
        // Blank fields take the model's defaults (steps, guidance, size, spacing); the model is the
        // one chosen in Plugins > Text2CT > Text2CT Models.
        run("Generate CT from Text", "prompt=[" + prompts[p] + "] seed=" + seeds[s]
            + " num_steps=0 guidance_scale=0 output_size=[] output_spacing=[] model_dir=[] device=auto window=lung");
        name = "prompt" + (p + 1) + "_seed" + seeds[s] + ".tif";
        saveAs("Tiff", output + name);
        close();
        print("saved " + name);
    }
}
setBatchMode(false);
